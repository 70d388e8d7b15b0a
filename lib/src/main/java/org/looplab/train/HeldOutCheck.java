package org.looplab.train;

import org.looplab.model.ReasoningModel;

/**
 * A periodic held-out evaluation the trainer runs with its EMA weights (the analysis package supplies it:
 * {@code Evaluation.during(test, puzzles)}; the trainer cannot call upward into analysis).
 */
@FunctionalInterface
public interface HeldOutCheck {

    /** Exact-match and per-cell accuracy, in that order; refuses a test set whose hash is {@code trainSha256}. */
    double[] exactAndCell(ReasoningModel model, String trainSha256);
}
