package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * The puzzle-embedding optimiser of the TRM and HRM code (sparse_embedding.py L41-132): sign-SGD with decoupled weight
 * decay,
 * {@code w ← w·(1 − lr·wd) − lr·sign(g)}. Only rows that received a gradient move — rows of puzzle ids absent
 * from the batch have a zero gradient, so their sign is 0, and they only decay if they were in the batch.
 */
public record SignSgd(float learningRate, float weightDecay) {
    public SignSgd {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
        if (weightDecay < 0) throw new IllegalArgumentException("weightDecay must be >= 0, was " + weightDecay);
    }

    /**
     * Updates {@code table} [ids, dim] in place from {@code grad} (same shape) and zeroes the gradient (DJL
     * accumulates gradients across backward calls).
     */
    public void update(NDArray table, NDArray grad) {
        update(table, grad, 1);
    }

    /**
     * As {@link #update(NDArray, NDArray)} at {@code scale × learningRate} (a decaying schedule's factor; at 1 the
     * arithmetic is exactly the unscaled update's).
     */
    public void update(NDArray table, NDArray grad, double scale) {
        if (!(scale >= 0 && scale <= 1)) throw new IllegalArgumentException("scale must be in [0, 1], was " + scale);
        float lr = (float) (learningRate * scale);
        // A scope, not try-with-resources on the last results: every intermediate of the chains must be closed, or
        // each step leaks a few arrays into the table's manager.
        try (NDScope local = new NDScope()) {
            NDArray touched = grad.abs().sum(new int[] {1}, true).gt(0).toType(table.getDataType(), false);
            NDArray decay = touched.mul(-lr * weightDecay).add(1);
            table.muli(decay).addi(grad.sign().mul(-lr));
        }
        grad.subi(grad);
    }
}
