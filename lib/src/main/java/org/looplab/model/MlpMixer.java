package org.looplab.model;

import ai.djl.ndarray.NDArray;

/**
 * TRM-MLP's token mixer ("mlp_t"): a SwiGLU across the sequence axis, one weight per position pair, so it needs no
 * position encoding. Its post-norm runs while transposed, i.e. over positions per channel (TRM code trm.py L93-97).
 */
final class MlpMixer implements SequenceMixer {
    private final SwiGlu acrossPositions; // width = prefix + cells (97 for Sudoku → inner 512)

    MlpMixer(Weights w, String name, int seqLen, double expansion) {
        this.acrossPositions = new SwiGlu(w, name + ".tokens", seqLen, expansion);
    }

    @Override
    public NDArray mix(NDArray h) {
        NDArray t = h.transpose(0, 2, 1); // [B, D, S]
        t = RmsNorm.apply(t.add(acrossPositions.forward(t))); // normalised over S, per channel
        return t.transpose(0, 2, 1); // [B, S, D]
    }
}
