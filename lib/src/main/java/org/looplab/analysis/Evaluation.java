package org.looplab.analysis;

import java.util.stream.IntStream;
import org.looplab.data.PuzzleDataSet;
import org.looplab.model.BatchInference;
import org.looplab.model.HaltingRule;
import org.looplab.model.PuzzleRun;
import org.looplab.model.ReasoningModel;
import org.looplab.provenance.RunResults;
import org.looplab.train.HeldOutCheck;
import org.looplab.train.StablemaxCrossEntropy;

/**
 * Accuracy on held-out puzzles ({@code exact_accuracy} and {@code accuracy} of the TRM and HRM code, models/losses.py):
 * exact match (every counted cell right; the headline number) and
 * per-cell accuracy averaged per puzzle. One pass gives both readings of the same run:
 * <ul>
 *   <li><b>full</b>: the answer after all N_sup supervision steps, as the reference evaluates (halting off);</li>
 *   <li><b>adaptive</b>: the answer at the step where the model's own halting rule stops it ({@link HaltingRule#of}:
 *   TRM when sigmoid(q_halt) reaches the threshold, HRM when q_halt > q_continue; N_sup if it never does), with
 *   the steps each puzzle used.</li>
 * </ul>
 * A test set whose content hash equals the training set's is refused: a number on training puzzles is not a result.
 */
public final class Evaluation {
    private Evaluation() {}

    /**
     * @param data             the test set's name
     * @param puzzles          how many were evaluated
     * @param supervisionSteps N_sup used for the full reading
     * @param exactAccuracy    full: share of puzzles entirely right after N_sup steps
     * @param cellAccuracy     full: per-cell accuracy, averaged per puzzle
     * @param threshold        adaptive halting threshold on sigmoid(q_halt) (TRM; HRM halts by its own rule)
     * @param adaptiveExact    adaptive: exact-match at each puzzle's halting step
     * @param adaptiveCell     adaptive: per-cell accuracy at that step
     * @param meanSteps        adaptive: mean steps used
     * @param stepsUsed        adaptive: steps per puzzle (1..N_sup)
     */
    public record Result(
            String data,
            int puzzles,
            int supervisionSteps,
            double exactAccuracy,
            double cellAccuracy,
            double threshold,
            double adaptiveExact,
            double adaptiveCell,
            double meanSteps,
            int[] stepsUsed) {

        /** This result as a run manifest records it, for weights after {@code step} optimiser steps. */
        public RunResults.HeldOut recorded(long step) {
            return new RunResults.HeldOut(
                    step,
                    puzzles,
                    exactAccuracy,
                    cellAccuracy,
                    new RunResults.Adaptive(threshold, adaptiveExact, meanSteps));
        }
    }

    /** Default batch for inference: large enough to keep matmuls efficient, small enough for 30×30 mazes. */
    public static final int BATCH = 256;

    /** Evaluates {@code model} (the caller's weights, e.g. EMA) on every puzzle of {@code test}. */
    public static Result run(ReasoningModel model, PuzzleDataSet test, String trainSha256, double threshold) {
        return run(model, test, test.count(), trainSha256, threshold);
    }

    /** The first {@code limit} puzzles of {@code test}. */
    public static Result run(
            ReasoningModel model, PuzzleDataSet test, int limit, String trainSha256, double threshold) {
        refuseTrainingData(test, trainSha256);
        if (!(threshold > 0 && threshold <= 1))
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        int n = Math.min(limit, test.count());
        if (n < 1) throw new IllegalArgumentException(test.name() + ": no puzzles to evaluate");
        if (test.seqLen() != model.task().gridCells())
            throw new IllegalArgumentException(test.name() + ": " + test.seqLen()
                    + " cells per puzzle, the model takes " + model.task().gridCells());
        int nSup = model.config().supervisionSteps();
        int[] steps = new int[n];
        double fullExact = 0, fullCell = 0, adaptExact = 0, adaptCell = 0;
        for (int from = 0; from < n; from += BATCH) {
            int[] idx = IntStream.range(from, Math.min(n, from + BATCH)).toArray();
            PuzzleDataSet.Batch b = test.batch(idx);
            long[][] full = new long[idx.length][];
            long[][] adaptive = new long[idx.length][];
            predict(model, b, threshold, full, adaptive, steps, from);
            int[][] labels = b.labelRows();
            for (int i = 0; i < idx.length; i++) {
                double[] f = score(full[i], labels[i]);
                double[] a = score(adaptive[i], labels[i]);
                fullExact += f[0];
                fullCell += f[1];
                adaptExact += a[0];
                adaptCell += a[1];
            }
        }
        return new Result(
                test.name(),
                n,
                nSup,
                fullExact / n,
                fullCell / n,
                threshold,
                adaptExact / n,
                adaptCell / n,
                IntStream.of(steps).average().orElse(0),
                steps);
    }

    /** A run's EMA weights on its own held-out test split (all of it). */
    public static Result heldOut(org.looplab.train.TrainingRun run, double threshold) {
        var t = run.trainer();
        return t.withAveragedWeights(m -> run(m, run.data().test(), t.trainSha256(), threshold));
    }

    /** For the trainer's periodic checks: full N_sup exact and cell accuracy on the first {@code puzzles}. */
    public static HeldOutCheck during(PuzzleDataSet test, int puzzles) {
        return (model, trainSha) -> {
            Result r = run(model, test, puzzles, trainSha, 0.5);
            return new double[] {r.exactAccuracy(), r.cellAccuracy()};
        };
    }

    /** Fails when {@code test} is the training set (equal content hashes). */
    public static void refuseTrainingData(PuzzleDataSet test, String trainSha256) {
        if (trainSha256 != null && test.contentHash().equals(trainSha256))
            throw new IllegalArgumentException(test.name() + ": its content hash equals the training set's ("
                    + trainSha256 + "); evaluate on held-out puzzles");
    }

    /**
     * Runs N_sup steps on every puzzle (nothing leaves: the full reading needs the last step) and replays the model's
     * halting rule on what the halt head said; fills the full and adaptive predictions and the steps used.
     */
    private static void predict(
            ReasoningModel model,
            PuzzleDataSet.Batch b,
            double threshold,
            long[][] full,
            long[][] adaptive,
            int[] steps,
            int offset) {
        int size = b.size(), cells = b.seqLen(), nSup = model.config().supervisionSteps();
        long[] flat = b.inputsAsLongs();
        long[][] tokens = new long[size][];
        long[] ids = new long[size];
        for (int i = 0; i < size; i++) {
            tokens[i] = java.util.Arrays.copyOfRange(flat, i * cells, (i + 1) * cells);
            ids[i] = b.puzzleIdentifiers()[i];
        }
        HaltingRule rule = HaltingRule.of(model, threshold);
        PuzzleRun[] runs = BatchInference.run(
                model, tokens, ids, new HaltingRule.FixedSteps(nSup), BatchInference.Keep.EVERY_STEP);
        for (int i = 0; i < size; i++) {
            int stop = rule.exitStep(runs[i].signals(), nSup);
            full[i] = runs[i].answer();
            adaptive[i] = runs[i].answerAt(stop);
            steps[offset + i] = stop;
        }
    }

    /** {exact 0/1, cell accuracy} of one prediction; pad labels do not count. */
    /**
     * The "copy the input" baseline: exact and per-cell accuracy of predicting every cell as its input token, scored
     * like a model's answer. A model below its per-cell number has learned nothing about the puzzle yet (on mazes,
     * where most cells are walls or open floor that stay as they are, this is ~85%).
     */
    public static double[] copyInputBaseline(PuzzleDataSet test) {
        double exact = 0, cell = 0;
        for (int i = 0; i < test.count(); i++) {
            int[] in = test.inputInts(i);
            long[] pred = new long[in.length];
            for (int c = 0; c < in.length; c++) pred[c] = in[c];
            double[] s = score(pred, test.labelInts(i));
            exact += s[0];
            cell += s[1];
        }
        return new double[] {exact / test.count(), cell / test.count()};
    }

    private static double[] score(long[] pred, int[] label) {
        int counted = 0, right = 0;
        for (int c = 0; c < label.length; c++) {
            if (label[c] == StablemaxCrossEntropy.IGNORE) continue;
            counted++;
            if (pred[c] == label[c]) right++;
        }
        if (counted == 0) return new double[] {1, 1};
        return new double[] {right == counted ? 1 : 0, (double) right / counted};
    }
}
