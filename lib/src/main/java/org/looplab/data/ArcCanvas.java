package org.looplab.data;

import java.util.Optional;

/**
 * The ARC encoding on a {@code side×side} canvas: pad 0, EOS 1, colour c → c+2 (vocab 12). A grid sits at an offset
 * (top, left); an EOS row just below it and an EOS column just right of it mark its size (each only where it fits;
 * the corner cell below-right stays pad), the rest is pad. The reference uses side 30 ({@link #REFERENCE}) and places
 * training grids at a random offset (its "translation" augmentation); test grids sit at the top-left.
 *
 * <p>Decoding at an offset crops the largest rectangle of colour tokens whose top-left corner is there, the way the
 * reference evaluator crops an answer, so {@code decode(encode(g, r, c), r, c)} gives {@code g} back.
 */
public record ArcCanvas(int side) {

    /** The papers' 30×30 canvas (seqLen 900). */
    public static final ArcCanvas REFERENCE = new ArcCanvas(ArcEncoding.SIDE);

    public static final byte PAD = 0;
    public static final byte EOS = 1;
    public static final int VOCAB = 12;

    public ArcCanvas {
        if (side < 2 || side > ArcEncoding.SIDE)
            throw new IllegalArgumentException("ARC canvas side must be in 2..30, was " + side);
    }

    public int seqLen() {
        return side * side;
    }

    /** True when a rows×cols grid fits at (top, left). */
    public boolean fits(int rows, int cols, int top, int left) {
        return top >= 0 && left >= 0 && top + rows <= side && left + cols <= side;
    }

    public byte[] encode(Grid grid) {
        return encode(grid, 0, 0);
    }

    public byte[] encode(Grid grid, int top, int left) {
        if (grid.rows() > side || grid.cols() > side)
            throw new IllegalArgumentException(
                    "grid is " + grid.rows() + "×" + grid.cols() + "; this canvas holds at most " + side + "×" + side);
        if (!fits(grid.rows(), grid.cols(), top, left))
            throw new IllegalArgumentException("a " + grid.rows() + "×" + grid.cols() + " grid at row " + top
                    + ", column " + left + " leaves the " + side + "×" + side + " canvas");
        byte[] out = new byte[seqLen()];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                int v = grid.get(r, c);
                if (v < 0 || v > 9)
                    throw new IllegalArgumentException(
                            "row " + (r + 1) + ", column " + (c + 1) + " is " + v + "; colours are 0-9");
                out[(top + r) * side + left + c] = (byte) (v + 2);
            }
        }
        int below = top + grid.rows(), right = left + grid.cols();
        if (below < side) for (int c = 0; c < grid.cols(); c++) out[below * side + left + c] = EOS;
        if (right < side) for (int r = 0; r < grid.rows(); r++) out[(top + r) * side + right] = EOS;
        return out;
    }

    public Optional<Grid> decode(byte[] tokens) {
        return decode(tokens, 0, 0);
    }

    /**
     * The grid whose top-left corner is at (top, left): for each number of rows k, the run of colour tokens of row k
     * (capped by the runs above) gives a rectangle; the largest wins. Empty when the corner token is not a colour.
     */
    public Optional<Grid> decode(byte[] tokens, int top, int left) {
        if (tokens.length != seqLen())
            throw new IllegalArgumentException(
                    "a row on the " + side + "×" + side + " canvas has " + seqLen() + " tokens, got " + tokens.length);
        int bestArea = 0, bestRows = 0, bestCols = 0;
        int cols = side - left;
        for (int r = top; r < side && cols > 0; r++) {
            int run = 0;
            while (run < cols && isColour(tokens[r * side + left + run])) run++;
            cols = run;
            int rows = r - top + 1;
            if (rows * cols > bestArea) {
                bestArea = rows * cols;
                bestRows = rows;
                bestCols = cols;
            }
        }
        if (bestArea == 0) return Optional.empty();
        byte[] cells = new byte[bestRows * bestCols];
        for (int r = 0; r < bestRows; r++) {
            for (int c = 0; c < bestCols; c++)
                cells[r * bestCols + c] = (byte) (tokens[(top + r) * side + left + c] - 2);
        }
        return Optional.of(new Grid(bestRows, bestCols, cells));
    }

    /**
     * Where a placed grid starts: the first row and the first column that hold a colour token (for a single grid on
     * pad, its top-left corner). Empty when no cell holds a colour.
     */
    public Optional<int[]> corner(byte[] tokens) {
        int top = -1, left = side;
        for (int i = 0; i < tokens.length; i++) {
            if (!isColour(tokens[i])) continue;
            if (top < 0) top = i / side;
            left = Math.min(left, i % side);
        }
        return top < 0 ? Optional.empty() : Optional.of(new int[] {top, left});
    }

    private static boolean isColour(byte t) {
        return t >= 2 && t <= 11;
    }
}
