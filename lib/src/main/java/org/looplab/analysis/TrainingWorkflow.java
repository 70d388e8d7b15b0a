package org.looplab.analysis;

import org.looplab.train.TrainingListener;
import org.looplab.train.TrainingRun;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Train, then evaluate on the held-out split with the EMA weights, then record: the one sequence the CLI
 * ({@code looplab train}), the sweep runner and the notebooks share, so their runs and results mean the same.
 * It lives in analysis because the evaluation does (train cannot call upward).
 */
public final class TrainingWorkflow {
    private TrainingWorkflow() {}

    /**
     * Trains {@code run} to its limits with periodic held-out checks on the first {@code evalPuzzles} of its
     * config, evaluates the EMA weights on the first {@code testPuzzles} held-out puzzles (0 = all) at the
     * adaptive-halting {@code threshold}, records the results in the manifest ({@code final_*}) and saves the
     * checkpoint if the run has a folder.
     *
     * @param progress where a progress line goes, or null
     */
    public static Evaluation.Result trainEvaluateRecord(TrainingRun run, TrainingListener listener, PrintStream progress,
                                                        int testPuzzles, double threshold) {
        var test = run.data().test();
        run.train(listener, Evaluation.during(test, run.trainer().config().evalPuzzles()), progress);
        int n = testPuzzles == 0 ? test.count() : Math.min(testPuzzles, test.count());
        Evaluation.Result r = run.trainer().withAveragedWeights(m ->
                Evaluation.run(m, test, n, run.trainer().trainSha256(), threshold));
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("exact_accuracy", r.exactAccuracy());
        finals.put("cell_accuracy", r.cellAccuracy());
        finals.put("adaptive_exact_accuracy", r.adaptiveExact());
        finals.put("adaptive_mean_steps", r.meanSteps());
        finals.put("test_puzzles", (double) r.puzzles());
        run.recordFinal(finals);
        if (run.folder() != null) run.save();
        return r;
    }
}
