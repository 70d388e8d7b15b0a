package org.looplab.model;

import ai.djl.ndarray.NDArray;

/** RMSNorm without a gain (TRM code layers.py L163-169): the post-norm is the only normalisation the blocks have. */
final class RmsNorm {
    static final float EPS = 1e-5f;

    private RmsNorm() {}

    /**
     * Normalises over the last axis: channels normally, sequence positions inside the MLP mixer. mean(x²) is written
     * {@code x·x} summed over the width: {@code square()} is libtorch's pow, whose backward re-evaluates {@code x¹}
     * and costs three passes; the product's is two (docs/models.md). Same values: x² is x·x and
     * libtorch's mean is this sum divided by the width.
     */
    static NDArray apply(NDArray x) {
        long width = x.getShape().getLastDimension();
        NDArray meanSquare = x.mul(x).sum(new int[] {-1}, true).div(Scalar.like(x, width)); // [..., 1]
        return x.mul(meanSquare.add(EPS).pow(Scalar.like(x, -0.5f))); // constants via Scalar: see why there
    }
}
