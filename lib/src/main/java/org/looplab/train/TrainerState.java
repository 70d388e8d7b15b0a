package org.looplab.train;

/**
 * What a checkpoint keeps of a trainer besides its arrays, so a resumed run continues exactly
 * ({@code live/trainer.json}); the arrays (AdamW moments, EMA, streaming carry) are in {@code live/state.safetensors},
 * whose SHA-256 is recorded here.
 *
 * @param step          optimiser steps done
 * @param seconds       training wall time so far (across resumes)
 * @param adamUpdates   AdamW updates applied (fewer than {@code step} when updates were skipped)
 * @param skipped       updates skipped so far
 * @param feed          data order position, slots and the puzzles they hold
 * @param window        metrics sums since the last metrics line
 * @param arraysSha256  SHA-256 of {@code state.safetensors}
 */
public record TrainerState(
        long step,
        double seconds,
        long adamUpdates,
        long skipped,
        PuzzleFeed.State feed,
        MetricsWindow.State window,
        String arraysSha256) {
    public TrainerState {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, was " + step);
        if (feed == null) throw new IllegalArgumentException("feed must be given, was null");
        if (window == null) throw new IllegalArgumentException("window must be given, was null");
        if (arraysSha256 == null) throw new IllegalArgumentException("arraysSha256 must be given, was null");
    }
}
