package org.looplab.data;

import java.util.Locale;

/**
 * What the tokens of a data set mean, and so which augmentation and pictures apply. The data package is the one
 * place that decides a puzzle's kind: from the generator that made it ({@link #of(GeneratorConfig)}), from a data
 * set or task name ({@link #ofName}), or from the shape of an encoding alone ({@link #ofShape}); everything above
 * asks here instead of testing names itself.
 */
public enum PuzzleKind {
    /** pad 0, blank 1, digit d → d+1 */
    SUDOKU,
    /** pad 0, wall 1, open 2, start 3, goal 4, path 5 */
    MAZE,
    /** pad 0, EOS 1, colour c → c+2 on a 30×30 canvas */
    ARC,
    /** an imported set whose encoding LoopLab does not recognise */
    OTHER;

    /** The kind a generator makes. */
    public static PuzzleKind of(GeneratorConfig generator) {
        if (generator instanceof SudokuGeneratorConfig) return SUDOKU;
        if (generator instanceof MazeGeneratorConfig) return MAZE;
        return ARC; // ArcFamilyConfig or ArcFilesConfig: the sealed interface permits no other
    }

    /**
     * The kind a data set or task name names: a catalogue task's own kind ({@link PuzzleTask}), else the family its
     * name starts with ({@code sudoku…}, {@code maze…}, {@code arc…}: shape names such as {@code sudoku9} and
     * imported sets), else {@link #OTHER}.
     */
    public static PuzzleKind ofName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (PuzzleTask t : PuzzleTask.values()) if (t.id().equals(n)) return t.kind();
        if (n.startsWith("sudoku")) return SUDOKU;
        if (n.startsWith("maze")) return MAZE;
        if (n.startsWith("arc")) return ARC;
        return OTHER;
    }

    /**
     * The kind an encoding's shape alone says: ARC's 30×30 canvas of 12 tokens, a square Sudoku of side 4, 6 or 9
     * (vocabulary side + 2), a square maze (vocabulary 6). A 4×4 Sudoku and a 4×4 maze share a shape (16 cells, 6
     * tokens); {@code whenBoth} (SUDOKU or MAZE) settles that case.
     */
    public static PuzzleKind ofShape(int vocabSize, int cells, PuzzleKind whenBoth) {
        if (vocabSize == 12 && cells == 900) return ARC;
        int side = (int) Math.round(Math.sqrt(cells));
        boolean square = side * side == cells;
        boolean sudoku = square && (side == 4 || side == 6 || side == 9) && vocabSize == side + 2;
        boolean maze = square && vocabSize == 6;
        if (sudoku && maze) return whenBoth;
        if (sudoku) return SUDOKU;
        if (maze) return MAZE;
        return OTHER;
    }

    /** {@link #ofShape} where a name settles the shared shape: one that mentions a maze ({@code trm-maze4}) reads as one. */
    public static PuzzleKind ofShape(int vocabSize, int cells, String name) {
        return ofShape(vocabSize, cells, name.toLowerCase(Locale.ROOT).contains("maze") ? MAZE : SUDOKU);
    }
}
