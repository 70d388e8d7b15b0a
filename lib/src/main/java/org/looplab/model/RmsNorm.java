package org.looplab.model;

import ai.djl.ndarray.NDArray;

/** RMSNorm without a gain (reference §1.3): the post-norm is the only normalisation the blocks have. */
final class RmsNorm {
    static final float EPS = 1e-5f;

    private RmsNorm() {}

    /**
     * Normalises over the last axis: channels normally, sequence positions inside the MLP mixer. mean(x²) is taken
     * as ||x||²/width: the norm reads x once, where {@code square().mean()} writes a squared copy and reads it again,
     * and its backward is one product where pow's is three passes (README "Benchmarks", profile). Equal up to float
     * rounding.
     */
    static NDArray apply(NDArray x) {
        long width = x.getShape().getLastDimension();
        NDArray norm = x.norm(2, new int[] {-1}, true); // [..., 1]
        return x.mul(norm.square().div(width).add(EPS).pow(-0.5f));
    }
}
