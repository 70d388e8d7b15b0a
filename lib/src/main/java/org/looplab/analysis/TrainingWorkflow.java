package org.looplab.analysis;

import java.io.PrintStream;
import org.looplab.train.TrainingListener;
import org.looplab.train.TrainingRun;

/**
 * Train, then evaluate on the held-out split with the EMA weights, then record: the one sequence the CLI
 * ({@code looplab train}), the sweep runner and the notebooks share, so their runs and results mean the same.
 * It lives in analysis because the evaluation does (train cannot call upward).
 */
public final class TrainingWorkflow {
    private TrainingWorkflow() {}

    /** The threshold of the adaptive-halting column unless a caller says otherwise: halt when P(halt) >= 0.5. */
    public static final double THRESHOLD = 0.5;

    /**
     * What a notebook calls: train with {@code listener} told every log step (a live plot), then evaluate on the whole
     * held-out split at the {@link #THRESHOLD} and record. No progress line: the plot is the progress.
     */
    public static Evaluation.Result trainEvaluateRecord(TrainingRun run, TrainingListener listener) {
        return trainEvaluateRecord(run, listener, null, 0, THRESHOLD);
    }

    /**
     * Trains {@code run} to its limits with periodic held-out checks on the first {@code evalPuzzles} of its
     * config, evaluates the EMA weights on the first {@code testPuzzles} held-out puzzles (0 = all) at the
     * adaptive-halting {@code threshold}, records them in the manifest (its results' final evaluation) and saves the
     * checkpoint if the run has a folder.
     *
     * @param progress where a progress line goes, or null
     */
    public static Evaluation.Result trainEvaluateRecord(
            TrainingRun run, TrainingListener listener, PrintStream progress, int testPuzzles, double threshold) {
        var test = run.data().test();
        run.train(listener, Evaluation.during(test, run.trainer().config().evalPuzzles()), progress);
        int n = testPuzzles == 0 ? test.count() : Math.min(testPuzzles, test.count());
        Evaluation.Result r = run.trainer()
                .withAveragedWeights(
                        m -> Evaluation.run(m, test, n, run.trainer().trainSha256(), threshold));
        run.recordFinal(r.recorded(run.trainer().steps()));
        if (run.folder() != null) run.save();
        return r;
    }
}
