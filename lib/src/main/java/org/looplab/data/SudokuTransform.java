package org.looplab.data;

import java.util.Arrays;
import java.util.Random;

/**
 * A validity-preserving Sudoku augmentation, as in the reference {@code shuffle_sudoku}: relabel the digits,
 * optionally transpose, shuffle the bands and the rows within each band, shuffle the stacks and the columns within
 * each stack. Stored as "output cell i takes input cell {@code cellFrom[i]}" plus a digit map, so applying and
 * inverting are exact array operations.
 *
 * <p>Transposing a 6×6 grid turns its 2×3 boxes into 3×2 regions, which are not boxes of the 6×6 shape, so it
 * would break validity: {@link #random} never transposes unless boxes are square, and the constructor rejects any
 * cell permutation that does not map every row, column and box onto a row, column or box.
 *
 * @param digitMap new digit of old digit d at index d-1 (a permutation of 1..side; blank stays blank)
 * @param cellFrom output cell i takes the (relabelled) digit of input cell {@code cellFrom[i]}
 */
public record SudokuTransform(SudokuShape shape, byte[] digitMap, int[] cellFrom) {

    public SudokuTransform {
        int side = shape.side();
        if (digitMap.length != side || !isPermutation(digitMap, 1, side)) {
            throw new IllegalArgumentException(
                    "digitMap must be a permutation of 1.." + side + ", was " + Arrays.toString(digitMap));
        }
        if (cellFrom.length != shape.cells() || !isPermutation(cellFrom, 0, shape.cells())) {
            throw new IllegalArgumentException("cellFrom must be a permutation of the " + shape.cells() + " cells");
        }
        digitMap = digitMap.clone();
        cellFrom = cellFrom.clone();
        if (!preservesUnits(shape, cellFrom)) {
            throw new IllegalArgumentException(
                    "cell permutation does not keep rows, columns and boxes; the grid would not stay valid");
        }
    }

    /**
     * Builds from the structured choices.
     *
     * @param bandOrder   output band b takes input band {@code bandOrder[b]}
     * @param rowsInBand  within output band b, output row j takes row {@code rowsInBand[b][j]} of its source band
     */
    public static SudokuTransform of(
            SudokuShape shape,
            byte[] digitMap,
            boolean transpose,
            int[] bandOrder,
            int[][] rowsInBand,
            int[] stackOrder,
            int[][] colsInStack) {
        if (transpose && !shape.transposable()) {
            throw new IllegalArgumentException("transpose keeps a " + shape + " grid valid only with square boxes");
        }
        int side = shape.side();
        int[] rowFrom = new int[side];
        for (int b = 0; b < shape.bands(); b++) {
            for (int j = 0; j < shape.boxRows(); j++)
                rowFrom[b * shape.boxRows() + j] = bandOrder[b] * shape.boxRows() + rowsInBand[b][j];
        }
        int[] colFrom = new int[side];
        for (int s = 0; s < shape.stacks(); s++) {
            for (int j = 0; j < shape.boxCols(); j++)
                colFrom[s * shape.boxCols() + j] = stackOrder[s] * shape.boxCols() + colsInStack[s][j];
        }
        int[] cellFrom = new int[shape.cells()];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                // Transpose first, then shuffle: output (r, c) reads the transposed grid at (rowFrom[r], colFrom[c]).
                int sr = rowFrom[r];
                int sc = colFrom[c];
                cellFrom[r * side + c] = transpose ? sc * side + sr : sr * side + sc;
            }
        }
        return new SudokuTransform(shape, digitMap, cellFrom);
    }

    public static SudokuTransform identity(SudokuShape shape) {
        byte[] digits = new byte[shape.side()];
        for (int d = 0; d < digits.length; d++) digits[d] = (byte) (d + 1);
        int[] cells = new int[shape.cells()];
        for (int i = 0; i < cells.length; i++) cells[i] = i;
        return new SudokuTransform(shape, digits, cells);
    }

    /** A uniformly random element of the augmentation group (no transpose unless boxes are square). */
    public static SudokuTransform random(SudokuShape shape, Random random) {
        int side = shape.side();
        int[] digitPerm = shuffled(side, random);
        byte[] digitMap = new byte[side];
        for (int d = 0; d < side; d++) digitMap[d] = (byte) (digitPerm[d] + 1);
        boolean transpose = shape.transposable() && random.nextBoolean();
        int[] bandOrder = shuffled(shape.bands(), random);
        int[][] rowsInBand = new int[shape.bands()][];
        for (int b = 0; b < rowsInBand.length; b++) rowsInBand[b] = shuffled(shape.boxRows(), random);
        int[] stackOrder = shuffled(shape.stacks(), random);
        int[][] colsInStack = new int[shape.stacks()][];
        for (int s = 0; s < colsInStack.length; s++) colsInStack[s] = shuffled(shape.boxCols(), random);
        return of(shape, digitMap, transpose, bandOrder, rowsInBand, stackOrder, colsInStack);
    }

    public Sudoku apply(Sudoku grid) {
        if (!grid.shape().equals(shape))
            throw new IllegalArgumentException("transform for " + shape + " given " + grid.shape());
        byte[] in = grid.cells();
        byte[] out = new byte[in.length];
        for (int i = 0; i < out.length; i++) {
            int d = in[cellFrom[i]];
            out[i] = d == 0 ? 0 : digitMap[d - 1];
        }
        return new Sudoku(shape, out);
    }

    /** The same on a row of reference tokens (pad 0 and blank 1 stay, digit token t = d+1 is relabelled). */
    public byte[] applyTokens(byte[] tokens) {
        byte[] out = new byte[tokens.length];
        for (int i = 0; i < out.length; i++) {
            int t = tokens[cellFrom[i]];
            out[i] = t <= SudokuEncoding.BLANK ? (byte) t : (byte) (digitMap[t - 2] + 1);
        }
        return out;
    }

    /** The transform that undoes this one exactly. */
    public SudokuTransform inverse() {
        byte[] digits = new byte[digitMap.length];
        for (int d = 0; d < digitMap.length; d++) digits[digitMap[d] - 1] = (byte) (d + 1);
        int[] cells = new int[cellFrom.length];
        for (int i = 0; i < cellFrom.length; i++) cells[cellFrom[i]] = i;
        return new SudokuTransform(shape, digits, cells);
    }

    static int[] shuffled(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static boolean isPermutation(byte[] values, int from, int count) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) ints[i] = values[i];
        return isPermutation(ints, from, count);
    }

    private static boolean isPermutation(int[] values, int from, int count) {
        boolean[] seen = new boolean[count];
        for (int v : values) {
            if (v < from || v >= from + count || seen[v - from]) return false;
            seen[v - from] = true;
        }
        return true;
    }

    /** Every unit's image is a unit: then a valid grid maps to a valid grid. */
    private static boolean preservesUnits(SudokuShape shape, int[] cellFrom) {
        int side = shape.side();
        int[][] unitOf = new int[shape.cells()][3];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) unitOf[r * side + c] = new int[] {r, side + c, 2 * side + shape.box(r, c)};
        }
        // For each output unit, the input cells it reads must all share one input unit.
        for (int kind = 0; kind < 3; kind++) {
            for (int u = 0; u < side; u++) {
                int[] sourceCount = new int[3 * side];
                int members = 0;
                for (int i = 0; i < cellFrom.length; i++) {
                    if (unitOf[i][kind] != kind * side + u) continue;
                    members++;
                    for (int k : unitOf[cellFrom[i]]) sourceCount[k]++;
                }
                boolean ok = false;
                for (int cnt : sourceCount) ok |= cnt == members;
                if (!ok) return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SudokuTransform t
                && t.shape.equals(shape)
                && Arrays.equals(t.digitMap, digitMap)
                && Arrays.equals(t.cellFrom, cellFrom);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cellFrom) * 31 + Arrays.hashCode(digitMap);
    }

    @Override
    public String toString() {
        return "SudokuTransform[" + shape + ", digits " + Arrays.toString(digitMap) + "]";
    }
}
