package org.looplab.train;

/**
 * Called on the training thread after every metrics line, e.g. from a notebook:
 * {@code trainer.train(m -> updateDisplay(id, TrainingCurves.png(trainer.history())))}.
 */
@FunctionalInterface
public interface TrainingListener {
    void onLog(TrainingMetrics metrics);

    TrainingListener NONE = m -> {};
}
