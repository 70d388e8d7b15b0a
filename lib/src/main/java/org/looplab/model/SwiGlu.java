package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * {@code down(silu(gate)·up)} with one fused {@code width → 2·inner} projection, split (gate, up).
 * Used over channels (width = hidden) and, in the MLP mixer, over positions (width = prefix + cells).
 */
final class SwiGlu {
    private final Linear gateUp; // [2·inner, width]
    private final Linear down; // [width, inner]

    SwiGlu(Weights w, String name, long width, double expansion) {
        long inner = innerSize(width, expansion);
        this.gateUp = Linear.of(w, name + ".gate_up", width, 2 * inner);
        this.down = Linear.of(w, name + ".down", inner, width);
    }

    /** Reference rounding: round(expansion·width·2/3) up to a multiple of 256 (512 → 1536; 97 → 512). */
    static long innerSize(long width, double expansion) {
        long raw = (long) Math.rint(expansion * width * 2.0 / 3.0); // rint: Python's round, half to even
        return (raw + 255) / 256 * 256;
    }

    NDArray forward(NDArray x) { // [..., width] -> [..., width]
        NDArray gu = gateUp.forward(x); // [..., 2·inner]
        NDList parts = gu.split(2, gu.getShape().dimension() - 1); // split(n, -1) throws in DJL 0.36
        NDArray gate = parts.get(0), up = parts.get(1);
        return down.forward(InPlace.gatedSilu(gate, up));
    }
}
