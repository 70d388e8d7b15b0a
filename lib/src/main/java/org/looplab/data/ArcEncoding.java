package org.looplab.data;

import java.util.Optional;

/**
 * The reference ARC encoding: a 30×30 canvas (seqLen 900), pad 0, EOS 1, colour c → c+2 (vocab 12). The grid sits
 * at the top-left; an EOS row just below it and an EOS column just right of it mark its size (each only when it
 * fits in the canvas; the corner cell below-right stays pad, as in the reference). Decoding crops the largest
 * top-left rectangle of colour tokens, so a model's answer is read the way the reference evaluator reads it.
 */
public final class ArcEncoding {
    private ArcEncoding() {}

    public static final int SIDE = 30;
    public static final int SEQ_LEN = SIDE * SIDE;
    public static final byte PAD = 0;
    public static final byte EOS = 1;
    public static final int VOCAB = 12;

    public static byte[] encode(Grid grid) {
        if (grid.rows() > SIDE || grid.cols() > SIDE) {
            throw new IllegalArgumentException(
                    "grid is " + grid.rows() + "×" + grid.cols() + "; ARC grids are at most 30×30");
        }
        byte[] out = new byte[SEQ_LEN];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                int v = grid.get(r, c);
                if (v < 0 || v > 9)
                    throw new IllegalArgumentException(
                            "row " + (r + 1) + ", column " + (c + 1) + " is " + v + "; colours are 0-9");
                out[r * SIDE + c] = (byte) (v + 2);
            }
        }
        if (grid.rows() < SIDE) for (int c = 0; c < grid.cols(); c++) out[grid.rows() * SIDE + c] = EOS;
        if (grid.cols() < SIDE) for (int r = 0; r < grid.rows(); r++) out[r * SIDE + grid.cols()] = EOS;
        return out;
    }

    /**
     * The grid in a 900-token row: for each number of rows k from the top, the run of colour tokens of row k
     * (capped by the runs above) gives a rectangle; the largest wins. Empty when the top-left token is not a colour.
     */
    public static Optional<Grid> decode(byte[] tokens) {
        if (tokens.length != SEQ_LEN)
            throw new IllegalArgumentException("an ARC row has " + SEQ_LEN + " tokens, got " + tokens.length);
        int bestArea = 0;
        int bestRows = 0;
        int bestCols = 0;
        int cols = SIDE;
        for (int r = 0; r < SIDE && cols > 0; r++) {
            int run = 0;
            while (run < cols && isColour(tokens[r * SIDE + run])) run++;
            cols = run;
            if ((r + 1) * cols > bestArea) {
                bestArea = (r + 1) * cols;
                bestRows = r + 1;
                bestCols = cols;
            }
        }
        if (bestArea == 0) return Optional.empty();
        byte[] cells = new byte[bestRows * bestCols];
        for (int r = 0; r < bestRows; r++) {
            for (int c = 0; c < bestCols; c++) cells[r * bestCols + c] = (byte) (tokens[r * SIDE + c] - 2);
        }
        return Optional.of(new Grid(bestRows, bestCols, cells));
    }

    private static boolean isColour(byte t) {
        return t >= 2 && t <= 11;
    }
}
