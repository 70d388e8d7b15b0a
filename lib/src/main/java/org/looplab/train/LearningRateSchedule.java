package org.looplab.train;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate: linear warm-up from 0 to {@code peak} over {@code warmupSteps}, then a half cosine from {@code peak}
 * down to {@code minRatio × peak} at {@code totalSteps} (TRM code pretrain.py L207-214,
 * {@code cosine_schedule_with_warmup_lr_lambda} with one half cycle). At {@code minRatio = 1}, the references' own
 * setting (config/cfg_pretrain.yaml), the rate is constant after warm-up and {@code totalSteps} does not matter.
 *
 * <p>One difference from the reference: past {@code totalSteps} the rate stays at its floor, where the reference's
 * cosine would climb again. A run extended with {@code train --resume --steps} gets a longer horizon from that point
 * (its rate jumps up to where the longer cosine is), which the run's recorded config shows.
 */
public record LearningRateSchedule(float peak, int warmupSteps, long totalSteps, float minRatio) implements Tracker {
    public LearningRateSchedule {
        if (!(peak > 0)) throw new IllegalArgumentException("peak learning rate must be > 0, was " + peak);
        if (warmupSteps < 0) throw new IllegalArgumentException("warmupSteps must be >= 0, was " + warmupSteps);
        if (totalSteps < 1) throw new IllegalArgumentException("totalSteps must be >= 1, was " + totalSteps);
        if (!(minRatio >= 0 && minRatio <= 1))
            throw new IllegalArgumentException("minRatio must be in [0, 1], was " + minRatio);
    }

    /** Warm-up, then constant (the references' recipe). */
    public LearningRateSchedule(float peak, int warmupSteps) {
        this(peak, warmupSteps, 1, 1f);
    }

    /** The schedule of {@code cfg}'s rate for its weights' optimiser. */
    public static LearningRateSchedule of(TrainConfig cfg) {
        return new LearningRateSchedule(cfg.learningRate(), cfg.warmupSteps(), cfg.maxSteps(), cfg.lrMinRatio());
    }

    /** Rate for the {@code step}-th update (1-based, as DJL's optimisers count). */
    public float at(int step) {
        if (warmupSteps > 0 && step < warmupSteps) return peak * Math.max(step, 0) / warmupSteps;
        if (minRatio == 1f) return peak; // the constant rate exactly, as every run before the decay existed
        return (float) (peak * decay(step));
    }

    /**
     * The cosine's factor at {@code step}: 1 up to the end of warm-up, {@code minRatio} from {@code totalSteps} on.
     * The puzzle table's sign-SGD takes this factor (without the warm-up, which it never had here).
     */
    public double decay(long step) {
        if (minRatio == 1f || step <= warmupSteps) return 1;
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        return minRatio + (1 - minRatio) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    @Override
    public float getNewValue(int numUpdate) {
        return at(numUpdate);
    }
}
