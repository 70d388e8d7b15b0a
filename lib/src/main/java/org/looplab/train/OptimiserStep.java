package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import org.looplab.model.ReasoningModel;

/**
 * The updates after a backward pass (TRM/HRM code's recipe): AdamW on the weights, sign-SGD on the puzzle table,
 * then the EMA of the weights; the gradients are zeroed after (DJL 0.36 accumulates them across backward calls).
 * A step whose gradients are not all finite is skipped instead.
 *
 * <p>Why the skip exists: a backward pass used to return NaN in every gradient from a finite loss now and then; the
 * cause was DJL's freed scalar operands, fixed by {@code model.Scalar} (docs/djl-pitfalls.md §6). The skip stays as
 * a guard: one non-finite update turns every weight into NaN for good, so such an update is skipped (like a
 * mixed-precision loss scaler's skip) and counted in the metrics ({@code skipped}), where a nonzero count now means
 * a new problem. Runs under {@code NoGrad}: the updates are in place on leaves.
 */
final class OptimiserStep implements AutoCloseable {
    private final NDList params;
    private final NDArray puzzleTable;
    private final AdamW adamw;
    private final SignSgd signSgd;
    private final LearningRateSchedule schedule;
    private final ExponentialMovingAverage ema;

    OptimiserStep(ReasoningModel model, TrainConfig cfg) {
        this.params = model.parameters();
        this.puzzleTable = model.puzzleEmbedding();
        this.schedule = LearningRateSchedule.of(cfg);
        this.adamw = new AdamW(
                params, schedule, cfg.beta1(), cfg.beta2(), cfg.weightDecay(), cfg.optimiser(), model.manager());
        this.signSgd = new SignSgd(cfg.puzzleEmbeddingRate(), cfg.puzzleEmbeddingDecay());
        this.ema = new ExponentialMovingAverage(params, cfg.emaDecay(), model.manager());
    }

    /** Applies the updates, or skips them if a gradient is not finite; returns whether it skipped. */
    boolean apply() {
        boolean skip = !gradientsFinite();
        if (!skip) {
            adamw.update(params);
            try (NDScope local = new NDScope()) {
                signSgd.update(puzzleTable, puzzleTable.getGradient(), schedule.decay(adamw.updates()));
            }
            ema.update(params);
        }
        zeroGradients();
        return skip;
    }

    private boolean gradientsFinite() {
        try (NDScope check = new NDScope()) {
            for (NDArray p : params) {
                if (!Float.isFinite(p.getGradient().sum().getFloat())) return false;
            }
            return Float.isFinite(puzzleTable.getGradient().sum().getFloat());
        }
    }

    /**
     * A fill, not {@code g − g} or {@code g·0}, because NaN·0 is NaN. In a scope because DJL's
     * {@code set(index, number)} creates the scalar as a new array in the gradient's manager and never closes it:
     * outside a scope, every zeroing leaked one array per parameter (the 13 extra arrays of the array-count test).
     */
    private void zeroGradients() {
        try (NDScope local = new NDScope()) {
            for (NDArray p : params) fillZero(p.getGradient());
            fillZero(puzzleTable.getGradient());
        }
    }

    /** In place; callers close the scalar DJL creates (see {@link #zeroGradients()}). */
    static void fillZero(NDArray g) {
        g.set(new NDIndex("..."), 0f);
    }

    AdamW adamw() {
        return adamw;
    }

    ExponentialMovingAverage ema() {
        return ema;
    }

    NDList params() {
        return params;
    }

    @Override
    public void close() {
        ema.close();
        adamw.close();
    }
}
