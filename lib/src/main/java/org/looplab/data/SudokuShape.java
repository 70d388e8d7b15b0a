package org.looplab.data;

/**
 * The geometry of a Sudoku: a side of {@code boxRows × boxCols} digits, split into boxes of that many rows and
 * columns. 4×4 has 2×2 boxes, 6×6 has 2×3 boxes (2 rows, 3 columns), 9×9 has 3×3 boxes.
 *
 * <p>Rows come in {@code boxCols} bands of {@code boxRows} rows; columns in {@code boxRows} stacks of
 * {@code boxCols} columns.
 */
public record SudokuShape(int boxRows, int boxCols) {

    public static final SudokuShape FOUR = new SudokuShape(2, 2);
    public static final SudokuShape SIX = new SudokuShape(2, 3);
    public static final SudokuShape NINE = new SudokuShape(3, 3);

    public SudokuShape {
        // A digit is a bit in an int mask and a byte on disk; 9×9 is the largest the lab needs.
        if (boxRows < 1 || boxCols < 1 || boxRows * boxCols > 9 || boxRows * boxCols < 2) {
            throw new IllegalArgumentException(
                    "Sudoku boxes must be r×c with 2 <= r*c <= 9, was " + boxRows + "×" + boxCols);
        }
    }

    /** The shape whose side is {@code side}: 4, 6 or 9. */
    public static SudokuShape ofSide(int side) {
        return switch (side) {
            case 4 -> FOUR;
            case 6 -> SIX;
            case 9 -> NINE;
            default -> throw new IllegalArgumentException("Sudoku side must be 4, 6 or 9, was " + side);
        };
    }

    /** The shape of a puzzle written in {@code length} characters (16, 36 or 81). */
    public static SudokuShape ofCells(int length) {
        return switch (length) {
            case 16 -> FOUR;
            case 36 -> SIX;
            case 81 -> NINE;
            default ->
                throw new IllegalArgumentException(length + " characters; a puzzle has 16 (4×4), 36 (6×6) or 81 (9×9)");
        };
    }

    public int side() {
        return boxRows * boxCols;
    }

    public int cells() {
        return side() * side();
    }

    /** Number of bands (groups of {@code boxRows} rows). */
    public int bands() {
        return side() / boxRows;
    }

    /** Number of stacks (groups of {@code boxCols} columns). */
    public int stacks() {
        return side() / boxCols;
    }

    /** Transposing maps r×c boxes to c×r boxes, so it keeps a grid valid only when boxes are square. */
    public boolean transposable() {
        return boxRows == boxCols;
    }

    public int box(int row, int col) {
        return (row / boxRows) * stacks() + col / boxCols;
    }

    /** Token vocabulary of the reference encoding: pad, blank and one token per digit. */
    public int vocab() {
        return side() + 2;
    }

    @Override
    public String toString() {
        return side() + "×" + side() + " (" + boxRows + "×" + boxCols + " boxes)";
    }
}
