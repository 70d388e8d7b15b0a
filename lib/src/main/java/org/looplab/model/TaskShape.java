package org.looplab.model;

import java.util.Locale;

/**
 * What a model must know about a task to be built: the token vocabulary, the grid length and how many puzzle
 * identifiers get a learned prefix vector. The model package keeps its own copy so it never depends on {@code data}.
 *
 * @param vocabSize         tokens incl. pad 0 (Sudoku: pad, blank, digits; TRM code {@code dataset/})
 * @param gridCells         sequence length without the puzzle-id prefix (81 for 9×9 Sudoku)
 * @param puzzleIdentifiers rows of the puzzle-embedding table (1 for Sudoku and Maze; one per ARC task×augmentation)
 */
public record TaskShape(int vocabSize, int gridCells, int puzzleIdentifiers) {

    public TaskShape {
        if (vocabSize < 2) throw new IllegalArgumentException("vocabSize must be >= 2, was " + vocabSize);
        if (gridCells < 1) throw new IllegalArgumentException("gridCells must be >= 1, was " + gridCells);
        if (puzzleIdentifiers < 1)
            throw new IllegalArgumentException("puzzleIdentifiers must be >= 1, was " + puzzleIdentifiers);
    }

    /**
     * Sudoku of side {@code side}: pad 0, blank 1, digits 1..side as 2..side+1 (TRM code build_sudoku_dataset.py
     * L115-142).
     */
    public static TaskShape sudoku(int side) {
        return new TaskShape(side + 2, side * side, 1);
    }

    /** The papers' 9×9 Sudoku-Extreme: vocab 11, 81 cells. */
    public static TaskShape sudoku9() {
        return sudoku(9);
    }

    /** An n×n maze: pad, wall, open, start, goal, path (TRM code build_maze_dataset.py L16). */
    public static TaskShape maze(int n) {
        return new TaskShape(6, n * n, 1);
    }

    /**
     * ARC on a 30×30 canvas: pad, EOS, colours 0-9 (TRM code build_arc_dataset.py L50-74); one identifier per
     * task×augmentation.
     */
    public static TaskShape arc(int puzzleIdentifiers) {
        return new TaskShape(12, 900, puzzleIdentifiers);
    }

    /** Parses {@code sudoku9}, {@code sudoku4}, {@code maze30}, {@code arc} (one identifier); errors name the value. */
    public static TaskShape of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        try {
            if (n.startsWith("sudoku")) return sudoku(Integer.parseInt(n.substring(6)));
            if (n.startsWith("maze")) return maze(Integer.parseInt(n.substring(4)));
            if (n.equals("arc")) return arc(1);
        } catch (NumberFormatException e) {
            // falls through to the error below, which names the value
        }
        throw new IllegalArgumentException(
                "task must be sudokuN, mazeN or arc (e.g. sudoku9, maze30); was '" + name + "'");
    }

    /** Short, for table captions: "vocab 11, 81 cells, 1 puzzle id". */
    @Override
    public String toString() {
        return "vocab " + vocabSize + ", " + gridCells + " cells, " + puzzleIdentifiers + " puzzle id"
                + (puzzleIdentifiers == 1 ? "" : "s");
    }

    /** Positions the model sees: the puzzle-id prefix, then the grid. */
    public int sequenceLength(int prefixLength) {
        return prefixLength + gridCells;
    }
}
