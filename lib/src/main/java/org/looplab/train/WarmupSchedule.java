package org.looplab.train;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate: linear warm-up from 0 to {@code peak} over {@code warmupSteps}, then constant. The references use
 * cosine decay with {@code lr_min_ratio = 1.0}, which is exactly this (TRM code pretrain.py L207-214,
 * config/cfg_pretrain.yaml).
 */
public record WarmupSchedule(float peak, int warmupSteps) implements Tracker {
    public WarmupSchedule {
        if (!(peak > 0)) throw new IllegalArgumentException("peak learning rate must be > 0, was " + peak);
        if (warmupSteps < 0) throw new IllegalArgumentException("warmupSteps must be >= 0, was " + warmupSteps);
    }

    /** Rate for the {@code step}-th update (1-based, as DJL's optimisers count). */
    public float at(int step) {
        if (warmupSteps == 0 || step >= warmupSteps) return peak;
        return peak * Math.max(step, 0) / warmupSteps;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return at(numUpdate);
    }
}
