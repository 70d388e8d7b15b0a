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
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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

    /** The deck's claim, slide 06: "Easy puzzles halt in 4–6 iterations; hard ones take 12–16." */
    public static final String DECK_EASY = "4–6", DECK_HARD = "12–16";

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

    private String caption(String what) {
        return what + " · " + model + " · " + data + " · " + ruleLabel() + ", N_sup " + maxSteps()
                + (rating == DifficultyRating.BACKTRACKS ? "" : " · difficulty: " + rating.describe());
    }

    /** One row per puzzle: difficulty, where it halts, whether that answer is right, and the best it ever did. */
    public Table perPuzzle() {
        IntColumn row = IntColumn.create("row"),
                bt = IntColumn.create(rating.column()),
                giv = IntColumn.create("givens");
        StringColumn bucket = StringColumn.create("bucket");
        IntColumn halt = IntColumn.create("halt step"), first = IntColumn.create("first correct step");
        BooleanColumn reached = BooleanColumn.create("reached threshold"), ok = BooleanColumn.create("correct at halt");
        StringColumn traj = StringColumn.create("halt probability by step");
        DifficultyBucket[] b = buckets();
        for (int i = 0; i < puzzles.size(); i++) {
            PuzzleTrajectory p = puzzles.get(i);
            row.append(p.row());
            bt.append(p.difficulty());
            giv.append(p.givens());
            bucket.append(b[i].label());
            halt.append(haltStep(p));
            reached.append(p.firstHalt(rule) > 0);
            ok.append(p.correctAt(haltStep(p)));
            first.append(p.firstCorrect());
            StringBuilder s = new StringBuilder();
            for (float h : p.haltProbability())
                s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", h));
            traj.append(s.toString());
        }
        return withoutMeaninglessGivens(
                Table.create(caption("Halting per puzzle"), row, bt, giv, bucket, halt, reached, ok, first, traj));
    }

    /** Per difficulty bucket: halting steps (median, range, mean), how many never halted, accuracy where they stop. */
    public Table byDifficulty() {
        return bucketTable(caption("Halting step by difficulty"), false);
    }

    /** {@link #byDifficulty()} for easy and hard beside the deck's claim for them. */
    public Table deckComparison() {
        return bucketTable(caption("Our halting steps beside the deck's claim (iteration = supervision step)"), true);
    }

    private Table bucketTable(String name, boolean deck) {
        StringColumn bucket = StringColumn.create("bucket"),
                btRange = StringColumn.create(rating.column()),
                givRange = StringColumn.create("givens"),
                range = StringColumn.create("halt step min–max"),
                claim = StringColumn.create("deck claim");
        IntColumn count = IntColumn.create("puzzles"), never = IntColumn.create("never reached threshold");
        DoubleColumn median = DoubleColumn.create("halt step median"),
                mean = DoubleColumn.create("halt step mean"),
                acc = DoubleColumn.create("accuracy at halt");
        DifficultyBucket[] b = buckets();
        for (DifficultyBucket which : DifficultyBucket.values()) {
            if (deck && which == DifficultyBucket.MEDIUM) continue;
            List<PuzzleTrajectory> in = new ArrayList<>();
            for (int i = 0; i < b.length; i++) if (b[i] == which) in.add(puzzles.get(i));
            bucket.append(which.label());
            count.append(in.size());
            claim.append(which == DifficultyBucket.EASY ? DECK_EASY : which == DifficultyBucket.HARD ? DECK_HARD : "—");
            if (in.isEmpty()) {
                btRange.append("—");
                givRange.append("—");
                range.append("—");
                median.appendMissing();
                mean.appendMissing();
                never.append(0);
                acc.appendMissing();
                continue;
            }
            int[] steps = in.stream().mapToInt(this::haltStep).sorted().toArray();
            btRange.append(
                    range(in.stream().mapToInt(PuzzleTrajectory::difficulty).toArray()));
            givRange.append(range(in.stream().mapToInt(PuzzleTrajectory::givens).toArray()));
            range.append(range(steps));
            median.append(Statistics.medianOfSorted(steps));
            mean.append(Statistics.mean(Arrays.stream(steps).asDoubleStream().toArray()));
            never.append((int) in.stream().filter(p -> p.firstHalt(rule) == 0).count());
            acc.append(in.stream().filter(p -> p.correctAt(haltStep(p))).count() / (double) in.size());
        }
        return withoutMeaninglessGivens(
                deck
                        ? Table.create(name, bucket, count, btRange, givRange, median, range, never, acc, claim)
                        : Table.create(name, bucket, count, btRange, givRange, median, range, mean, never, acc));
    }

    /** Mazes have no givens (every puzzle's is -1): the column would only say so on every row. */
    private Table withoutMeaninglessGivens(Table t) {
        return rating == DifficultyRating.PATH_LENGTH ? t.removeColumns("givens") : t;
    }

    /**
     * Two sentences in Markdown: our median halting steps for easy and hard puzzles beside the deck's claim, and
     * what limits the comparison (N_sup, puzzles that never halt).
     */
    public String deckSummary() {
        Table t = deckComparison();
        StringBuilder md =
                new StringBuilder("**Measured** (" + model + ", " + size() + " puzzles, " + ruleLabel() + "): ");
        for (int r = 0; r < t.rowCount(); r++) {
            String b = t.stringColumn("bucket").get(r);
            int n = t.intColumn("puzzles").get(r);
            md.append(r == 0 ? "" : "; ").append(b).append(" puzzles ");
            if (n == 0) md.append("— none in this set");
            else
                md.append(String.format(
                        Locale.ROOT,
                        "halt at median step %s (range %s; %d of %d never reach the threshold)",
                        fmt(t.doubleColumn("halt step median").get(r)),
                        t.stringColumn("halt step min–max").get(r),
                        t.intColumn("never reached threshold").get(r),
                        n));
            md.append(" — the deck says ").append(t.stringColumn("deck claim").get(r));
        }
        md.append(". With N_sup = ")
                .append(maxSteps())
                .append(" a puzzle that never reaches the threshold is counted at ")
                .append(maxSteps())
                .append(", so no step above ")
                .append(maxSteps())
                .append(" can be observed.");
        return md.toString();
    }

    private static String range(int[] v) {
        int lo = Arrays.stream(v).min().orElseThrow(),
                hi = Arrays.stream(v).max().orElseThrow();
        return lo == hi ? String.valueOf(lo) : lo + "–" + hi;
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

    public Table accuracyByMaxSteps() {
        IntColumn k = IntColumn.create("max steps");
        DoubleColumn fixed = DoubleColumn.create("accuracy, fixed K steps"),
                adaptive = DoubleColumn.create("accuracy, adaptive (cap K)"),
                mean = DoubleColumn.create("mean steps, adaptive (cap K)");
        for (Budget b : budgets()) {
            k.append(b.maxSteps());
            fixed.append(b.fixedAccuracy());
            adaptive.append(b.adaptiveAccuracy());
            mean.append(b.adaptiveMeanSteps());
        }
        return Table.create(caption("Accuracy against the steps allowed"), k, fixed, adaptive, mean);
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

    public Table savingsTable() {
        Savings s = savings();
        StringColumn how = StringColumn.create("policy");
        DoubleColumn acc = DoubleColumn.create("accuracy"),
                steps = DoubleColumn.create("mean steps"),
                saved = DoubleColumn.create("steps saved by adaptive");
        how.append("fixed N_sup = " + s.maxSteps());
        acc.append(s.maxStepsAccuracy());
        steps.append(s.maxSteps());
        saved.append(s.savedVsFixedMax());
        if (s.equalFixedSteps() > 0) {
            how.append("fixed K = " + s.equalFixedSteps() + " (fewest steps matching adaptive accuracy)");
            acc.append(budgets().get(s.equalFixedSteps() - 1).fixedAccuracy());
            steps.append(s.equalFixedSteps());
            saved.append(s.savedVsEqual());
        } else {
            how.append("no fixed K reaches the adaptive accuracy");
            acc.appendMissing();
            steps.appendMissing();
            saved.appendMissing();
        }
        how.append("adaptive, " + ruleLabel());
        acc.append(s.adaptiveAccuracy());
        steps.append(s.adaptiveMeanSteps());
        saved.append(0);
        return Table.create(caption("Compute saved by adaptive halting"), how, acc, steps, saved);
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

    public Table calibrationTable(int binCount) {
        Calibration c = calibration(binCount);
        StringColumn bin = StringColumn.create("halt probability");
        IntColumn n = IntColumn.create("(puzzle, step) pairs");
        DoubleColumn mean = DoubleColumn.create("mean predicted"), acc = DoubleColumn.create("fraction correct");
        for (CalibrationBin b : c.bins()) {
            bin.append(fmt(b.lo()) + "–" + fmt(b.hi()));
            n.append(b.count());
            if (b.count() == 0) {
                mean.appendMissing();
                acc.appendMissing();
            } else {
                mean.append(b.meanProbability());
                acc.append(b.accuracy());
            }
        }
        return Table.create(
                caption(String.format(Locale.ROOT, "Halt-head calibration, ECE %.3f", c.ece())), bin, n, mean, acc);
    }

    /** Per step: mean cells changed, mean cells wrong, share correct, share that have halted by then. */
    public Table byStep() {
        IntColumn k = IntColumn.create("step");
        DoubleColumn changed = DoubleColumn.create("mean cells changed"),
                wrong = DoubleColumn.create("mean cells wrong"),
                acc = DoubleColumn.create("accuracy"),
                halted = DoubleColumn.create("halted by this step"),
                prob = DoubleColumn.create("mean halt probability");
        int n = puzzles.size();
        for (int s = 1; s <= maxSteps(); s++) {
            double c = 0, w = 0, a = 0, h = 0, p = 0;
            for (PuzzleTrajectory t : puzzles) {
                c += t.cellsChanged()[s - 1];
                w += t.cellsWrong()[s - 1];
                a += t.correctAt(s) ? 1 : 0;
                int first = t.firstHalt(rule);
                h += first > 0 && first <= s ? 1 : 0;
                p += t.haltProbability()[s - 1];
            }
            k.append(s);
            changed.append(c / n);
            wrong.append(w / n);
            acc.append(a / n);
            halted.append(h / n);
            prob.append(p / n);
        }
        return Table.create(caption("Per step, averaged over puzzles"), k, prob, halted, acc, wrong, changed);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
