package org.looplab.data;

/**
 * The reference token encoding of TRM/HRM's Sudoku builder: pad 0, blank 1, digit d → d+1 (vocab 11 for 9×9).
 * Smaller sizes keep the scheme, so the vocabulary is side + 2 (4×4: 6, 6×6: 8). The label is the full solution,
 * givens included, as in the reference.
 */
public final class SudokuEncoding {
    private SudokuEncoding() {}

    public static final byte PAD = 0;
    public static final byte BLANK = 1;

    public static int vocab(SudokuShape shape) {
        return shape.vocab();
    }

    public static byte[] encode(Sudoku grid) {
        byte[] cells = grid.cells();
        byte[] tokens = new byte[cells.length];
        for (int i = 0; i < cells.length; i++) tokens[i] = (byte) (cells[i] == 0 ? BLANK : cells[i] + 1);
        return tokens;
    }

    /** Tokens back to a grid; a pad or out-of-range token is an error naming its position. */
    public static Sudoku decode(byte[] tokens, SudokuShape shape) {
        if (tokens.length != shape.cells()) {
            throw new IllegalArgumentException(shape + " needs " + shape.cells() + " tokens, got " + tokens.length);
        }
        byte[] cells = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            int t = tokens[i];
            if (t < BLANK || t > shape.side() + 1) {
                throw new IllegalArgumentException("token " + t + " at cell " + (i + 1)
                        + " is not blank (1) or a digit (2.." + (shape.side() + 1) + ")");
            }
            cells[i] = (byte) (t - 1);
        }
        return new Sudoku(shape, cells);
    }
}
