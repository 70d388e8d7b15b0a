package org.looplab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables a halting measurement ({@link HaltingStats}) is read through: per puzzle, by difficulty, beside the
 * deck's claim, per step, against the steps allowed, the compute adaptive halting saves, and the halt head's
 * calibration. Each caption names the model, the data, the rule and N_sup, so a table pasted alone still says what
 * it measured.
 */
public final class HaltingTables {
    private HaltingTables() {}

    /** The deck's claim, slide 06: "Easy puzzles halt in 4–6 iterations; hard ones take 12–16." */
    public static final String DECK_EASY = "4–6", DECK_HARD = "12–16";

    private static String caption(HaltingStats stats, String what) {
        return what + " · " + stats.model() + " · " + stats.data() + " · " + stats.ruleLabel() + ", N_sup "
                + stats.maxSteps()
                + (stats.rating() == DifficultyRating.BACKTRACKS
                        ? ""
                        : " · difficulty: " + stats.rating().describe());
    }

    /** One row per puzzle: difficulty, where it halts, whether that answer is right, and the best it ever did. */
    public static Table perPuzzle(HaltingStats stats) {
        IntColumn row = IntColumn.create("row"),
                bt = IntColumn.create(stats.rating().column()),
                giv = IntColumn.create("givens");
        StringColumn bucket = StringColumn.create("bucket");
        IntColumn halt = IntColumn.create("halt step"), first = IntColumn.create("first correct step");
        BooleanColumn reached = BooleanColumn.create("reached threshold"), ok = BooleanColumn.create("correct at halt");
        StringColumn traj = StringColumn.create("halt probability by step");
        DifficultyBucket[] b = stats.buckets();
        for (int i = 0; i < stats.puzzles().size(); i++) {
            PuzzleTrajectory p = stats.puzzles().get(i);
            row.append(p.row());
            bt.append(p.difficulty());
            giv.append(p.givens());
            bucket.append(b[i].label());
            halt.append(stats.haltStep(p));
            reached.append(p.firstHalt(stats.rule()) > 0);
            ok.append(p.correctAt(stats.haltStep(p)));
            first.append(p.firstCorrect());
            StringBuilder s = new StringBuilder();
            for (float h : p.haltProbability())
                s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", h));
            traj.append(s.toString());
        }
        return withoutMeaninglessGivens(
                stats,
                Table.create(
                        caption(stats, "Halting per puzzle"), row, bt, giv, bucket, halt, reached, ok, first, traj));
    }

    /** Per difficulty bucket: halting steps (median, range, mean), how many never halted, accuracy where they stop. */
    public static Table byDifficulty(HaltingStats stats) {
        return bucketTable(stats, caption(stats, "Halting step by difficulty"), false);
    }

    /** {@link #byDifficulty()} for easy and hard beside the deck's claim for them. */
    public static Table deckComparison(HaltingStats stats) {
        return bucketTable(
                stats,
                caption(stats, "Our halting steps beside the deck's claim (iteration = supervision step)"),
                true);
    }

    private static Table bucketTable(HaltingStats stats, String name, boolean deck) {
        StringColumn bucket = StringColumn.create("bucket"),
                btRange = StringColumn.create(stats.rating().column()),
                givRange = StringColumn.create("givens"),
                range = StringColumn.create("halt step min–max"),
                claim = StringColumn.create("deck claim");
        IntColumn count = IntColumn.create("puzzles"), never = IntColumn.create("never reached threshold");
        DoubleColumn median = DoubleColumn.create("halt step median"),
                mean = DoubleColumn.create("halt step mean"),
                acc = DoubleColumn.create("accuracy at halt");
        DifficultyBucket[] b = stats.buckets();
        for (DifficultyBucket which : DifficultyBucket.values()) {
            if (deck && which == DifficultyBucket.MEDIUM) continue;
            List<PuzzleTrajectory> in = new ArrayList<>();
            for (int i = 0; i < b.length; i++)
                if (b[i] == which) in.add(stats.puzzles().get(i));
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
            int[] steps = in.stream().mapToInt(stats::haltStep).sorted().toArray();
            btRange.append(
                    range(in.stream().mapToInt(PuzzleTrajectory::difficulty).toArray()));
            givRange.append(range(in.stream().mapToInt(PuzzleTrajectory::givens).toArray()));
            range.append(range(steps));
            median.append(Statistics.medianOfSorted(steps));
            mean.append(Statistics.mean(Arrays.stream(steps).asDoubleStream().toArray()));
            never.append((int)
                    in.stream().filter(p -> p.firstHalt(stats.rule()) == 0).count());
            acc.append(in.stream().filter(p -> p.correctAt(stats.haltStep(p))).count() / (double) in.size());
        }
        return withoutMeaninglessGivens(
                stats,
                deck
                        ? Table.create(name, bucket, count, btRange, givRange, median, range, never, acc, claim)
                        : Table.create(name, bucket, count, btRange, givRange, median, range, mean, never, acc));
    }

    /** Mazes have no givens (every puzzle's is -1): the column would only say so on every row. */
    private static Table withoutMeaninglessGivens(HaltingStats stats, Table t) {
        return stats.rating() == DifficultyRating.PATH_LENGTH ? t.removeColumns("givens") : t;
    }

    /**
     * Two sentences in Markdown: our median halting steps for easy and hard puzzles beside the deck's claim, and
     * what limits the comparison (N_sup, puzzles that never halt).
     */
    public static String deckSummary(HaltingStats stats) {
        Table t = deckComparison(stats);
        StringBuilder md = new StringBuilder(
                "**Measured** (" + stats.model() + ", " + stats.size() + " puzzles, " + stats.ruleLabel() + "): ");
        for (int r = 0; r < t.rowCount(); r++) {
            String b = t.stringColumn("bucket").get(r);
            int n = t.intColumn("puzzles").get(r);
            md.append(r == 0 ? "" : "; ").append(b).append(" puzzles ");
            if (n == 0) md.append("— none in this set");
            else
                md.append(String.format(
                        Locale.ROOT,
                        "halt at median step %s (range %s; %d of %d never reach the threshold)",
                        HaltingStats.fmt(t.doubleColumn("halt step median").get(r)),
                        t.stringColumn("halt step min–max").get(r),
                        t.intColumn("never reached threshold").get(r),
                        n));
            md.append(" — the deck says ").append(t.stringColumn("deck claim").get(r));
        }
        md.append(". With N_sup = ")
                .append(stats.maxSteps())
                .append(" a puzzle that never reaches the threshold is counted at ")
                .append(stats.maxSteps())
                .append(", so no step above ")
                .append(stats.maxSteps())
                .append(" can be observed.");
        return md.toString();
    }

    private static String range(int[] v) {
        int lo = Arrays.stream(v).min().orElseThrow(),
                hi = Arrays.stream(v).max().orElseThrow();
        return DifficultyBucket.range(lo, hi);
    }

    public static Table accuracyByMaxSteps(HaltingStats stats) {
        IntColumn k = IntColumn.create("max steps");
        DoubleColumn fixed = DoubleColumn.create("accuracy, fixed K steps"),
                adaptive = DoubleColumn.create("accuracy, adaptive (cap K)"),
                mean = DoubleColumn.create("mean steps, adaptive (cap K)");
        for (HaltingStats.Budget b : stats.budgets()) {
            k.append(b.maxSteps());
            fixed.append(b.fixedAccuracy());
            adaptive.append(b.adaptiveAccuracy());
            mean.append(b.adaptiveMeanSteps());
        }
        return Table.create(caption(stats, "Accuracy against the steps allowed"), k, fixed, adaptive, mean);
    }

    public static Table savingsTable(HaltingStats stats) {
        HaltingStats.Savings s = stats.savings();
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
            acc.append(stats.budgets().get(s.equalFixedSteps() - 1).fixedAccuracy());
            steps.append(s.equalFixedSteps());
            saved.append(s.savedVsEqual());
        } else {
            how.append("no fixed K reaches the adaptive accuracy");
            acc.appendMissing();
            steps.appendMissing();
            saved.appendMissing();
        }
        how.append("adaptive, " + stats.ruleLabel());
        acc.append(s.adaptiveAccuracy());
        steps.append(s.adaptiveMeanSteps());
        saved.append(0);
        return Table.create(caption(stats, "Compute saved by adaptive halting"), how, acc, steps, saved);
    }

    public static Table calibrationTable(HaltingStats stats, int binCount) {
        HaltingStats.Calibration c = stats.calibration(binCount);
        StringColumn bin = StringColumn.create("halt probability");
        IntColumn n = IntColumn.create("(puzzle, step) pairs");
        DoubleColumn mean = DoubleColumn.create("mean predicted"), acc = DoubleColumn.create("fraction correct");
        for (HaltingStats.CalibrationBin b : c.bins()) {
            bin.append(HaltingStats.fmt(b.lo()) + "–" + HaltingStats.fmt(b.hi()));
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
                caption(stats, String.format(Locale.ROOT, "Halt-head calibration, ECE %.3f", c.ece())),
                bin,
                n,
                mean,
                acc);
    }

    /** Per step: mean cells changed, mean cells wrong, share correct, share that have halted by then. */
    public static Table byStep(HaltingStats stats) {
        IntColumn k = IntColumn.create("step");
        DoubleColumn changed = DoubleColumn.create("mean cells changed"),
                wrong = DoubleColumn.create("mean cells wrong"),
                acc = DoubleColumn.create("accuracy"),
                halted = DoubleColumn.create("halted by this step"),
                prob = DoubleColumn.create("mean halt probability");
        int n = stats.puzzles().size();
        for (int s = 1; s <= stats.maxSteps(); s++) {
            double c = 0, w = 0, a = 0, h = 0, p = 0;
            for (PuzzleTrajectory t : stats.puzzles()) {
                c += t.cellsChanged()[s - 1];
                w += t.cellsWrong()[s - 1];
                a += t.correctAt(s) ? 1 : 0;
                int first = t.firstHalt(stats.rule());
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
        return Table.create(caption(stats, "Per step, averaged over puzzles"), k, prob, halted, acc, wrong, changed);
    }
}
