package org.looplab.model;

import ai.djl.ndarray.NDArray;

/** RMSNorm without a gain (TRM code layers.py L163-169): the post-norm is the only normalisation the blocks have. */
final class RmsNorm {
    static final float EPS = 1e-5f;

    private RmsNorm() {}

    /** Normalises over the last axis: channels normally, sequence positions inside the MLP mixer. */
    static NDArray apply(NDArray x) {
        return x.mul(x.square().mean(new int[] {-1}, true).add(EPS).pow(-0.5f));
    }
}
