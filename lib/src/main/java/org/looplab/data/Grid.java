package org.looplab.data;

import java.util.Arrays;

/** A rectangular grid of small values in reading order (ARC colours, maze tokens). Immutable. */
public record Grid(int rows, int cols, byte[] cells) {

    public Grid {
        if (rows < 1 || cols < 1)
            throw new IllegalArgumentException("a grid needs at least one row and column, was " + rows + "×" + cols);
        if (cells.length != rows * cols) {
            throw new IllegalArgumentException(
                    "a " + rows + "×" + cols + " grid has " + rows * cols + " cells, got " + cells.length);
        }
        cells = cells.clone();
    }

    /** From rows of values, e.g. ARC's {@code [[0,1],[2,3]]}. */
    public static Grid of(int[][] rows) {
        int cols = rows[0].length;
        byte[] cells = new byte[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols)
                throw new IllegalArgumentException(
                        "row " + (r + 1) + " has " + rows[r].length + " values, row 1 has " + cols);
            for (int c = 0; c < cols; c++) cells[r * cols + c] = (byte) rows[r][c];
        }
        return new Grid(rows.length, cols, cells);
    }

    @Override
    public byte[] cells() {
        return cells.clone();
    }

    public int get(int row, int col) {
        return cells[row * cols + col];
    }

    public int[][] toRows() {
        int[][] out = new int[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r][c] = cells[r * cols + c];
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && g.rows == rows && g.cols == cols && Arrays.equals(g.cells, cells);
    }

    @Override
    public int hashCode() {
        return (rows * 31 + cols) * 31 + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "Grid[" + rows + "×" + cols + "]";
    }
}
