package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.looplab.model.Scalar;

/**
 * Stable-max cross-entropy (Prieto et al. 2025), the TRM/HRM answer loss (TRM code losses.py L11-32).
 *
 * <p>Softmax's {@code exp} is replaced by {@code s(x) = x + 1} for {@code x ≥ 0} and {@code 1 / (1 − x)} below, so
 * a confident logit grows the probability linearly instead of exponentially; the papers found this keeps small
 * recursive models from collapsing late in training. {@code p_i = s(x_i) / Σ_j s(x_j)}, loss {@code −log p_label}.
 * DEVIATION: computed in float32, not float64 as in the reference: DJL 0.36's {@code toType} cuts the autograd graph
 * (measured: backward then fails with "does not require grad"), and {@code s} is bounded enough that float32 loses
 * nothing measurable at these vocabulary sizes. Cells whose label is {@link #IGNORE} (pad) do not count. Each puzzle's
 * loss is the mean over its counted cells; the batch loss is the mean over puzzles.
 */
public final class StablemaxCrossEntropy {
    /** Label value that is left out of the loss: the pad token of every encoding. */
    public static final int IGNORE = 0;

    private StablemaxCrossEntropy() {}

    /**
     * @param logits [batch, cells, vocab] answer logits
     * @param labels [batch, cells] token ids (int64 or int32)
     * @return scalar loss, in the logits' type
     */
    public static NDArray loss(NDArray logits, NDArray labels) {
        NDArray perPuzzle = perPuzzle(logits, labels); // [batch]
        return perPuzzle.mean();
    }

    /** Per-puzzle loss [batch]: the mean over counted cells. */
    public static NDArray perPuzzle(NDArray logits, NDArray labels) {
        NDArray s = stableMax(logits); // [b, cells, vocab]
        NDArray logSum = s.sum(new int[] {-1}).log(); // [b, cells]
        NDArray idx = labels.toType(DataType.INT64, false).expandDims(-1);
        NDArray logLabel = s.gather(idx, -1).squeeze(-1).log(); // [b, cells]
        NDArray counted = labels.neq(IGNORE).toType(logits.getDataType(), false);
        NDArray tokenLoss = logSum.sub(logLabel).mul(counted);
        // A puzzle with no counted cell (impossible for real data) would divide by 0; clamp keeps it at 0.
        return tokenLoss.sum(new int[] {-1}).div(counted.sum(new int[] {-1}).maximum(1));
    }

    /**
     * s(x). Each branch sees only inputs where it is finite, so the branch {@code where} drops never feeds an
     * infinite derivative into the gradient (0 · ∞ would be NaN).
     */
    static NDArray stableMax(NDArray x) {
        NDArray negative = x.lt(0);
        NDArray zero = Scalar.like(x, 0); // constants via Scalar: see why there
        NDArray below = x.minimum(zero).neg().add(1).pow(Scalar.like(x, -1)); // 1 / (1 - x) for x < 0
        NDArray above = x.maximum(zero).add(1); // x + 1 for x >= 0
        return NDArrays.where(negative, below, above);
    }
}
