package org.looplab.data;

import java.util.Optional;

/**
 * The reference ARC encoding: a 30×30 canvas (seqLen 900), pad 0, EOS 1, colour c → c+2 (vocab 12), grid at the
 * top-left. {@link ArcCanvas} does the work, on any canvas side and at any offset.
 */
public final class ArcEncoding {
    private ArcEncoding() {}

    public static final int SIDE = 30;
    public static final int SEQ_LEN = SIDE * SIDE;
    public static final byte PAD = 0;
    public static final byte EOS = 1;
    public static final int VOCAB = 12;

    public static byte[] encode(Grid grid) {
        return ArcCanvas.REFERENCE.encode(grid);
    }

    /** The grid at the top-left of a 900-token row (see {@link ArcCanvas#decode}). */
    public static Optional<Grid> decode(byte[] tokens) {
        return ArcCanvas.REFERENCE.decode(tokens);
    }
}
