package org.looplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Halting among the puzzles a model solves. The deck's picture (easy puzzles halt after 4–6 iterations, hard ones
 * after 12–16) is of a model that solves nearly all of them. A model that solves half mixes two things in its
 * halting steps: how hard a puzzle is, and whether it is solved at all (an unsolved puzzle seldom reaches the
 * threshold and runs to N_sup, whatever its difficulty). Kept here are the puzzles whose answer is right at the step
 * the rule stops them, ordered again into easy, medium and hard among themselves; beside each puzzle's halting step
 * stands the first step at which its whole answer was right, which says whether the model <i>solves</i> hard puzzles
 * later, halting aside; their difference is how long the halt head waits after the answer is right.
 *
 * @param puzzles          all puzzles measured
 * @param solved           those right at their halting step (the rows below)
 * @param haltRho          Spearman's rho of difficulty against halting step, over the solved puzzles
 * @param firstCorrectRho  the same against the first step with the whole answer right
 * @param buckets          per difficulty bucket of the solved puzzles
 */
public record SolvedHalting(
        int puzzles, int solved, double haltRho, double firstCorrectRho, List<Bucket> buckets, String difficulty) {

    /** One bucket of solved puzzles: mean halting step and mean first correct step. */
    public record Bucket(
            DifficultyBucket bucket,
            int puzzles,
            int minDifficulty,
            int maxDifficulty,
            double meanHaltStep,
            double meanFirstCorrectStep) {}

    public SolvedHalting {
        buckets = List.copyOf(buckets);
    }

    public static SolvedHalting of(HaltingStats s) {
        List<PuzzleTrajectory> kept = new ArrayList<>();
        for (PuzzleTrajectory p : s.puzzles()) if (p.correct()[s.haltStep(p) - 1]) kept.add(p);
        int n = kept.size();
        double[] difficulty = new double[n], halt = new double[n], first = new double[n];
        int[] rating = new int[n], givens = new int[n];
        for (int i = 0; i < n; i++) {
            PuzzleTrajectory p = kept.get(i);
            difficulty[i] = DifficultyBucket.key(p.difficulty(), p.givens());
            halt[i] = s.haltStep(p);
            first[i] = firstCorrectStep(p);
            rating[i] = p.difficulty();
            givens[i] = p.givens();
        }
        List<Bucket> rows = new ArrayList<>();
        DifficultyBucket[] b = DifficultyBucket.of(rating, givens);
        for (DifficultyBucket which : DifficultyBucket.values()) {
            int count = 0, lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            double haltSum = 0, firstSum = 0;
            for (int i = 0; i < n; i++) {
                if (b[i] != which) continue;
                count++;
                haltSum += halt[i];
                firstSum += first[i];
                lo = Math.min(lo, rating[i]);
                hi = Math.max(hi, rating[i]);
            }
            if (count > 0) rows.add(new Bucket(which, count, lo, hi, haltSum / count, firstSum / count));
        }
        return new SolvedHalting(
                s.size(),
                n,
                n < 2 ? Double.NaN : Statistics.spearman(difficulty, halt),
                n < 2 ? Double.NaN : Statistics.spearman(difficulty, first),
                rows,
                s.rating().id());
    }

    /** The first step (1-based) whose whole answer is right; 0 when none is. */
    public static int firstCorrectStep(PuzzleTrajectory p) {
        boolean[] c = p.correct();
        for (int k = 0; k < c.length; k++) if (c[k]) return k + 1;
        return 0;
    }

    /** Hard bucket's mean over the easy bucket's, of the halting step or of the first correct step; NaN without both. */
    public double hardToEasy(boolean halting) {
        Bucket easy = null, hard = null;
        for (Bucket b : buckets) {
            if (b.bucket() == DifficultyBucket.EASY) easy = b;
            if (b.bucket() == DifficultyBucket.HARD) hard = b;
        }
        if (easy == null || hard == null) return Double.NaN;
        return halting
                ? hard.meanHaltStep() / easy.meanHaltStep()
                : hard.meanFirstCorrectStep() / easy.meanFirstCorrectStep();
    }

    public Table table() {
        StringColumn bucket = StringColumn.create("bucket"), range = StringColumn.create("difficulty");
        IntColumn count = IntColumn.create("solved puzzles");
        DoubleColumn first = DoubleColumn.create("mean first correct step"),
                halt = DoubleColumn.create("mean halt step"),
                wait = DoubleColumn.create("halt − first correct");
        for (Bucket b : buckets) {
            bucket.append(b.bucket().label());
            count.append(b.puzzles());
            range.append(DifficultyBucket.range(b.minDifficulty(), b.maxDifficulty()));
            first.append(round(b.meanFirstCorrectStep()));
            halt.append(round(b.meanHaltStep()));
            wait.append(round(b.meanHaltStep() - b.meanFirstCorrectStep()));
        }
        return Table.create(
                "Among the puzzles solved at their halting step (" + solved + " of " + puzzles + "), by " + difficulty,
                bucket,
                count,
                range,
                first,
                halt,
                wait);
    }

    /** Machine-readable lines, as {@link HaltingClaim#lines()}. */
    public String lines() {
        return String.format(
                Locale.ROOT,
                "solved_at_halt: %d of %d%nsolved_spearman_difficulty_halt_step: %s%n"
                        + "solved_spearman_difficulty_first_correct_step: %s%nsolved_hard_easy_halt_ratio: %s%n"
                        + "solved_hard_easy_first_correct_ratio: %s%n",
                solved,
                puzzles,
                fmt(haltRho),
                fmt(firstCorrectRho),
                fmt(hardToEasy(true)),
                fmt(hardToEasy(false)));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }
}
