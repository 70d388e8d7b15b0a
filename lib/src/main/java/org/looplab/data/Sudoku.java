package org.looplab.data;

import java.util.Arrays;

/**
 * A Sudoku grid in reading order: 0 is a blank, 1..side a digit. The same type holds a puzzle and its solution.
 * The array is copied in and out, so a {@code Sudoku} never changes.
 */
public record Sudoku(SudokuShape shape, byte[] cells) {

    public Sudoku {
        if (cells.length != shape.cells()) {
            throw new IllegalArgumentException(shape + " needs " + shape.cells() + " cells, got " + cells.length);
        }
        cells = cells.clone();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] < 0 || cells[i] > shape.side()) {
                throw new IllegalArgumentException(
                        "cell " + (i + 1) + " holds " + cells[i] + "; digits are 0 (blank) or 1.." + shape.side());
            }
        }
    }

    @Override
    public byte[] cells() {
        return cells.clone();
    }

    public int side() {
        return shape.side();
    }

    public int get(int row, int col) {
        return cells[row * shape.side() + col];
    }

    public int get(int index) {
        return cells[index];
    }

    public int givens() {
        int n = 0;
        for (byte c : cells) if (c != 0) n++;
        return n;
    }

    public boolean isComplete() {
        for (byte c : cells) if (c == 0) return false;
        return true;
    }

    /** The one-line text form: one character per cell, {@code .} for a blank. */
    public String text() {
        return SudokuText.format(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sudoku s && s.shape.equals(shape) && Arrays.equals(s.cells, cells);
    }

    @Override
    public int hashCode() {
        return shape.hashCode() * 31 + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "Sudoku[" + text() + "]";
    }
}
