package org.looplab.data;

/**
 * The 8 symmetries of a square (rotations and reflections), applied to grids. Each is "transpose or not, then
 * reverse the rows or not, then reverse the columns or not"; on a non-square grid a transposing element swaps
 * the dimensions. Used by the maze and ARC augmentations (TRM/HRM use the same group).
 */
public enum Dihedral {
    IDENTITY(false, false, false),
    ROT90(true, false, true), // clockwise
    ROT180(false, true, true),
    ROT270(true, true, false),
    FLIP_ROWS(false, true, false), // upside down
    FLIP_COLS(false, false, true), // mirror left-right
    TRANSPOSE(true, false, false),
    ANTI_TRANSPOSE(true, true, true);

    private final boolean transpose;
    private final boolean reverseRows;
    private final boolean reverseCols;

    Dihedral(boolean transpose, boolean reverseRows, boolean reverseCols) {
        this.transpose = transpose;
        this.reverseRows = reverseRows;
        this.reverseCols = reverseCols;
    }

    /** The element that undoes this one: ROT90 and ROT270 swap, every other element is its own inverse. */
    public Dihedral inverse() {
        return switch (this) {
            case ROT90 -> ROT270;
            case ROT270 -> ROT90;
            default -> this;
        };
    }

    public Grid apply(Grid g) {
        int rows = transpose ? g.cols() : g.rows();
        int cols = transpose ? g.rows() : g.cols();
        byte[] in = g.cells();
        byte[] out = new byte[in.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) out[r * cols + c] = in[source(r, c, rows, cols, g.cols())];
        }
        return new Grid(rows, cols, out);
    }

    /** The same on a square {@code side×side} array in reading order. */
    public byte[] apply(byte[] square, int side) {
        if (square.length != side * side)
            throw new IllegalArgumentException("expected " + side * side + " cells, got " + square.length);
        byte[] out = new byte[square.length];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) out[r * side + c] = square[source(r, c, side, side, side)];
        }
        return out;
    }

    /** Index in the input of output cell (r, c) of an output grid rows×cols; the input has {@code inCols} columns. */
    private int source(int r, int c, int rows, int cols, int inCols) {
        int r0 = reverseRows ? rows - 1 - r : r;
        int c0 = reverseCols ? cols - 1 - c : c;
        return transpose ? c0 * inCols + r0 : r0 * inCols + c0;
    }
}
