package org.looplab.model;

import org.looplab.data.PuzzleSize;

/**
 * What a model must know about a task to be built: the token vocabulary, the grid length and how many puzzle
 * identifiers get a learned prefix vector. The model keeps this copy of a task's shape rather than a data set, so a
 * model is built without one; only short names such as {@code sudoku9} are read by {@code data}'s {@link PuzzleSize}.
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
        PuzzleSize size = PuzzleSize.parse(name);
        return switch (size.kind()) {
            case SUDOKU -> sudoku(size.side());
            case MAZE -> maze(size.side());
            default -> arc(1);
        };
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
