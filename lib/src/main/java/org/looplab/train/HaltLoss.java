package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

/**
 * TRM's halting signal: the halt head learns "is my current answer entirely right?" (TRM code losses.py L70-71, L88).
 * Its target
 * is exact-match correctness, its loss binary cross-entropy on the halt logit, weighted 0.5 in the total loss.
 */
public final class HaltLoss {
    /** Weight of the halt loss in {@code answer + WEIGHT · halt}. */
    public static final float WEIGHT = 0.5f;

    private HaltLoss() {}

    /**
     * 1 where every counted cell of the predicted answer equals its label, else 0.
     *
     * @param logits [batch, cells, vocab]
     * @param labels [batch, cells]; cells labelled {@link StablemaxCrossEntropy#IGNORE} do not count
     * @return float32 [batch], no gradient
     */
    public static NDArray exactlyRight(NDArray logits, NDArray labels) {
        NDArray predicted = logits.argMax(-1).toType(DataType.INT64, false);
        NDArray lab = labels.toType(DataType.INT64, false);
        NDArray wrong = predicted.neq(lab).logicalAnd(lab.neq(StablemaxCrossEntropy.IGNORE));
        return wrong.toType(DataType.FLOAT32, false)
                .sum(new int[] {-1})
                .eq(0)
                .toType(DataType.FLOAT32, false)
                .stopGradient();
    }

    /**
     * Mean BCE-with-logits, written as {@code softplus(x) − x·y}: DJL's built-in sigmoid BCE has a wrong gradient
     * at logit 0 (docs/djl-pitfalls.md §5).
     *
     * @param haltLogit [batch]
     * @param target [batch] in {0, 1}
     */
    public static NDArray bce(NDArray haltLogit, NDArray target) {
        return Activation.softPlus(haltLogit).sub(haltLogit.mul(target)).mean();
    }
}
