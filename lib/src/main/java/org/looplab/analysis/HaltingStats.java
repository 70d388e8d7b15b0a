package org.looplab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuShape;
import org.looplab.model.BatchInference;
import org.looplab.model.HaltSignals;
import org.looplab.model.HaltingRule;
import org.looplab.model.PuzzleRun;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionTrace;

/**
 * When does the halt head say "stop", and was stopping there right? Built from evaluation-style traces (all N_sup
 * steps run, as the TRM code evaluates: trm.py L278), so adaptive halting is replayed afterwards: the model stops at
 * the first step whose
 * halt probability reaches {@code threshold}, or at the cap. One "iteration" of the deck is one supervision step
 * here: the halt head is read once per step.
 *
 * @param model     what was measured (checkpoint folder, or a note that the model is untrained)
 * @param data      the test set (name and content hash)
 * @param rule      when a puzzle stops: for TRM sigmoid(q_halt) reaching a threshold (0.5 = the code's
 *                  {@code q_halt_logit > 0}; the deck says 0.9), for HRM its own q_halt > q_continue
 * @param rating    what each puzzle's {@link PuzzleTrajectory#difficulty()} measures
 */
public record HaltingStats(
        String model, String data, HaltingRule rule, List<PuzzleTrajectory> puzzles, DifficultyRating rating) {

    /** Puzzles per traced batch: bounds memory (every step's latents of a batch are alive at once). */
    private static final int BATCH = 64;

    public HaltingStats {
        if (puzzles.isEmpty()) throw new IllegalArgumentException("no puzzles");
        int n = puzzles.get(0).steps();
        for (PuzzleTrajectory p : puzzles)
            if (p.steps() != n)
                throw new IllegalArgumentException("row " + p.row() + ": " + p.steps() + " steps, others " + n);
        puzzles = List.copyOf(puzzles);
        java.util.Objects.requireNonNull(rating, "rating");
    }

    /**
     * The same halting with each puzzle rated by {@code other} instead: the trajectories are kept, so no step runs
     * again, only the order of difficulty changes. {@code test} is the set the rows were measured on.
     */
    public HaltingStats rated(DifficultyRating other, PuzzleDataSet test) {
        other.check(test);
        List<PuzzleTrajectory> out = new ArrayList<>(puzzles.size());
        for (PuzzleTrajectory p : puzzles) {
            if (p.row() >= test.count())
                throw new IllegalArgumentException(
                        test.name() + ": has " + test.count() + " rows, but row " + p.row() + " was measured");
            out.add(p.withDifficulty(other.of(test, p.row())));
        }
        return new HaltingStats(model, data, rule, out, other);
    }

    /** Puzzles rated by {@link DifficultyRating#BACKTRACKS}. */
    public HaltingStats(String model, String data, HaltingRule rule, List<PuzzleTrajectory> puzzles) {
        this(model, data, rule, puzzles, DifficultyRating.BACKTRACKS);
    }

    /** Under TRM's rule: halt when sigmoid(q_halt) reaches {@code threshold}, in (0, 1]. */
    public HaltingStats(String model, String data, double threshold, List<PuzzleTrajectory> puzzles) {
        this(model, data, thresholdRule(threshold), puzzles);
    }

    private static HaltingRule thresholdRule(double threshold) {
        if (!(threshold > 0 && threshold <= 1))
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        return HaltingRule.threshold(threshold);
    }

    /**
     * Runs the first {@code limit} rows of {@code test} through all of the model's supervision steps (no graph, any
     * thread) and keeps, per puzzle, what halting analysis needs. The model's own rule decides where each stops
     * ({@link HaltingRule#of}: HRM halts when q_halt > q_continue, whatever {@code threshold} says).
     */
    public static HaltingStats measure(
            ReasoningModel model, String modelName, PuzzleDataSet test, String data, int limit, double threshold) {
        return measure(model, modelName, test, data, limit, threshold, BATCH, DifficultyRating.storedFor(test.kind()));
    }

    /** {@link #measure(ReasoningModel, String, PuzzleDataSet, String, int, double)} with puzzles rated by {@code rating}. */
    public static HaltingStats measure(
            ReasoningModel model,
            String modelName,
            PuzzleDataSet test,
            String data,
            int limit,
            double threshold,
            DifficultyRating rating) {
        return measure(model, modelName, test, data, limit, threshold, BATCH, rating);
    }

    static HaltingStats measure(
            ReasoningModel model,
            String modelName,
            PuzzleDataSet test,
            String data,
            int limit,
            double threshold,
            int batch) {
        return measure(model, modelName, test, data, limit, threshold, batch, DifficultyRating.storedFor(test.kind()));
    }

    static HaltingStats measure(
            ReasoningModel model,
            String modelName,
            PuzzleDataSet test,
            String data,
            int limit,
            double threshold,
            int batch,
            DifficultyRating rating) {
        thresholdRule(threshold);
        rating.check(test);
        int n = Math.min(limit, test.count());
        if (n < 1) throw new IllegalArgumentException(test.name() + ": no rows to measure (limit " + limit + ")");
        HaltingRule all = new HaltingRule.FixedSteps(model.config().supervisionSteps());
        List<PuzzleTrajectory> out = new ArrayList<>(n);
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            long[][] tokens = new long[to - from][];
            long[] ids = new long[to - from];
            for (int r = from; r < to; r++) {
                tokens[r - from] =
                        Arrays.stream(test.inputInts(r)).asLongStream().toArray();
                ids[r - from] = test.puzzleIdentifier(r);
            }
            PuzzleRun[] runs = BatchInference.run(model, tokens, ids, all, BatchInference.Keep.EVERY_STEP);
            for (int r = from; r < to; r++) {
                PuzzleRun run = runs[r - from];
                int[][] grids = new int[run.exitStep()][];
                for (int k = 1; k <= run.exitStep(); k++)
                    grids[k - 1] = Arrays.stream(run.answerAt(k))
                            .mapToInt(t -> (int) t)
                            .toArray();
                PuzzleTrajectory t = trajectory(grids, run.signals(), r, test);
                if (!rating.stored()) t = t.withDifficulty(rating.of(test, r));
                out.add(t);
            }
        }
        return new HaltingStats(modelName, data, HaltingRule.of(model, threshold), out, rating);
    }

    /** Puzzle {@code sample} of a trace, which holds row {@code row} of {@code set}. */
    public static PuzzleTrajectory trajectory(RecursionTrace trace, int sample, int row, PuzzleDataSet set) {
        int[][] grids = trace.steps().stream().map(s -> s.prediction()[sample]).toArray(int[][]::new);
        return trajectory(grids, trace.halting().get(sample), row, set);
    }

    /** Row {@code row} of {@code set}, given its answer after each step and what the halt head said there. */
    static PuzzleTrajectory trajectory(int[][] grids, HaltSignals halting, int row, PuzzleDataSet set) {
        int[] input = set.inputInts(row), target = set.labelInts(row);
        int steps = grids.length;
        boolean[] correct = new boolean[steps];
        int[] changed = new int[steps], wrong = new int[steps];
        int[] previous = input;
        for (int k = 0; k < steps; k++) {
            int[] grid = grids[k];
            changed[k] = differences(previous, grid);
            wrong[k] = differences(target, grid);
            correct[k] = wrong[k] == 0;
            previous = grid;
        }
        return new PuzzleTrajectory(row, set.difficulty(row), givens(set, row), halting, correct, changed, wrong);
    }

    /** Digits given in a Sudoku's input; -1 for other puzzle kinds, where "givens" means nothing. */
    public static int givens(PuzzleDataSet set, int row) {
        if (set.kind() != PuzzleKind.SUDOKU) return -1;
        return SudokuEncoding.decode(set.input(row), SudokuShape.ofSide(set.side()))
                .givens();
    }

    private static int differences(int[] a, int[] b) {
        int n = 0;
        for (int c = 0; c < a.length; c++) if (a[c] != b[c]) n++;
        return n;
    }

    /** N_sup of the traced model. */
    public int maxSteps() {
        return puzzles.get(0).steps();
    }

    public int size() {
        return puzzles.size();
    }

    /** Where each puzzle stops: its first halt, or N_sup when the rule never fires. */
    public int haltStep(PuzzleTrajectory p) {
        return p.stopStep(rule, maxSteps());
    }

    /** "threshold 0.5" for TRM's rule (the number a reader compares with the deck's 0.9), else the rule itself. */
    public String ruleLabel() {
        return rule instanceof HaltingRule.HaltProbability h ? "threshold " + fmt(h.threshold()) : rule.describe();
    }

    public DifficultyBucket[] buckets() {
        return DifficultyBucket.of(
                puzzles.stream().mapToInt(PuzzleTrajectory::difficulty).toArray(),
                puzzles.stream().mapToInt(PuzzleTrajectory::givens).toArray());
    }

    /** Accuracy and cost when at most {@code maxSteps} steps are allowed. */
    public record Budget(int maxSteps, double fixedAccuracy, double adaptiveAccuracy, double adaptiveMeanSteps) {}

    /**
     * Test-time compute scaling: for each cap K = 1..N_sup, the exact-match accuracy of always running K steps
     * (fixed), and of halting adaptively but never past K, with the mean steps that costs.
     */
    public List<Budget> budgets() {
        List<Budget> out = new ArrayList<>();
        int n = puzzles.size();
        for (int k = 1; k <= maxSteps(); k++) {
            int fixed = 0, adaptive = 0;
            long steps = 0;
            for (PuzzleTrajectory p : puzzles) {
                if (p.correctAt(k)) fixed++;
                int stop = p.stopStep(rule, k);
                if (p.correctAt(stop)) adaptive++;
                steps += stop;
            }
            out.add(new Budget(k, fixed / (double) n, adaptive / (double) n, steps / (double) n));
        }
        return out;
    }

    /**
     * Compute saved by adaptive halting (cap N_sup) against the cheapest fixed budget that is at least as accurate.
     *
     * @param equalFixedSteps the smallest K whose fixed-K accuracy reaches the adaptive accuracy; 0 when none does
     *                        (adaptive halting then beats every fixed budget)
     * @param savedVsFixedMax 1 − adaptiveMeanSteps / N_sup
     * @param savedVsEqual    1 − adaptiveMeanSteps / equalFixedSteps; NaN when equalFixedSteps is 0
     */
    public record Savings(
            double adaptiveAccuracy,
            double adaptiveMeanSteps,
            int maxSteps,
            double maxStepsAccuracy,
            int equalFixedSteps,
            double savedVsFixedMax,
            double savedVsEqual) {}

    public Savings savings() {
        List<Budget> b = budgets();
        Budget full = b.get(b.size() - 1);
        int equal = 0;
        for (Budget x : b) {
            if (x.fixedAccuracy() >= full.adaptiveAccuracy()) {
                equal = x.maxSteps();
                break;
            }
        }
        double mean = full.adaptiveMeanSteps();
        return new Savings(
                full.adaptiveAccuracy(),
                mean,
                full.maxSteps(),
                full.fixedAccuracy(),
                equal,
                1 - mean / full.maxSteps(),
                equal == 0 ? Double.NaN : 1 - mean / equal);
    }

    /** One reliability bin: halt probabilities in [lo, hi) (the last bin includes 1). */
    public record CalibrationBin(double lo, double hi, int count, double meanProbability, double accuracy) {}

    /**
     * @param ece expected calibration error, Σ_b (n_b / N)·|accuracy_b − meanProbability_b| over non-empty bins
     */
    public record Calibration(List<CalibrationBin> bins, int pairs, double ece) {}

    /**
     * Is the halt head's probability a probability? Every (puzzle, step) pair counts: the head is read at every
     * step, and it was trained to say whether the current answer is entirely right (TRM code losses.py L70-71).
     */
    public Calibration calibration(int binCount) {
        if (binCount < 1) throw new IllegalArgumentException("binCount must be >= 1, was " + binCount);
        int[] count = new int[binCount], right = new int[binCount];
        double[] sum = new double[binCount];
        int pairs = 0;
        for (PuzzleTrajectory p : puzzles) {
            for (int k = 1; k <= p.steps(); k++) {
                double prob = p.haltProbability()[k - 1];
                int bin = Math.min(binCount - 1, (int) Math.floor(prob * binCount));
                count[bin]++;
                sum[bin] += prob;
                if (p.correctAt(k)) right[bin]++;
                pairs++;
            }
        }
        List<CalibrationBin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double mean = count[b] == 0 ? Double.NaN : sum[b] / count[b];
            double acc = count[b] == 0 ? Double.NaN : right[b] / (double) count[b];
            bins.add(new CalibrationBin(b / (double) binCount, (b + 1) / (double) binCount, count[b], mean, acc));
            if (count[b] > 0) ece += count[b] / (double) pairs * Math.abs(acc - mean);
        }
        return new Calibration(bins, pairs, ece);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
