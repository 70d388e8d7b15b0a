package org.looplab.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.looplab.provenance.OlderForms;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The deck's halting claim, measured (slide 03): harder puzzles halt later, and adaptive halting
 * keeps the all-steps accuracy while using fewer steps. Computed from a {@link HaltingStats} replay; the difficulty
 * order is {@link DifficultyBucket}'s (solver backtracks or path length, then fewer givens).
 *
 * @param puzzles       puzzles measured
 * @param maxSteps      N_sup
 * @param threshold     halt when sigmoid(q_halt) reaches it
 * @param spearman      Spearman's rho (average ranks for ties) of difficulty against the halting step; NaN when either
 *                      is constant (e.g. every puzzle halts at step 1)
 * @param adaptiveExact exact accuracy when each puzzle stops where it halts
 * @param fullExact     exact accuracy after all N_sup steps (the reference's evaluation)
 * @param meanSteps     mean halting step, in supervision steps
 * @param units         what a supervision step holds, for the deck's unit
 * @param buckets       mean halting step per difficulty bucket, easy to hard (empty buckets left out)
 * @param difficulty    the {@link DifficultyRating} id the puzzles were ordered by (records written before there was
 *                      a choice read {@code backtracks}, which is what they used)
 */
@OlderForms(HaltingClaim.Upgrade.class)
public record HaltingClaim(
        int puzzles,
        int maxSteps,
        double threshold,
        double spearman,
        double adaptiveExact,
        double fullExact,
        double meanSteps,
        HaltingUnits units,
        List<BucketSteps> buckets,
        String difficulty) {

    /** The claim's targets: rho at least this, and adaptive accuracy at most this far below all-steps accuracy. */
    public static final double MIN_SPEARMAN = 0.4, MAX_ACCURACY_LOSS = 0.01;

    /** One difficulty bucket: how many puzzles, their difficulty range and their mean halting step. */
    public record BucketSteps(
            DifficultyBucket bucket, int puzzles, int minDifficulty, int maxDifficulty, double meanSteps) {}

    public HaltingClaim {
        buckets = List.copyOf(buckets);
    }

    public static HaltingClaim of(HaltingStats s, HaltingUnits units) {
        int n = s.size();
        double[] difficulty = new double[n], steps = new double[n];
        for (int i = 0; i < n; i++) {
            PuzzleTrajectory p = s.puzzles().get(i);
            difficulty[i] = DifficultyBucket.key(p.difficulty(), p.givens());
            steps[i] = s.haltStep(p);
        }
        double rho = n < 2 ? Double.NaN : Statistics.spearman(difficulty, steps);
        HaltingStats.Savings saved = s.savings();
        return new HaltingClaim(
                n,
                s.maxSteps(),
                s.rule() instanceof org.looplab.model.HaltingRule.HaltProbability h ? h.threshold() : Double.NaN,
                rho,
                saved.adaptiveAccuracy(),
                saved.maxStepsAccuracy(),
                saved.adaptiveMeanSteps(),
                units,
                bucketSteps(s),
                s.rating().id());
    }

    /** Records written before the rating was a choice were rated by backtracks. */
    public static final class Upgrade implements OlderForms.Upgrade {
        @Override
        public ObjectNode apply(ObjectNode stored) {
            if (!stored.has("difficulty")) stored.put("difficulty", DifficultyRating.BACKTRACKS.id());
            return stored;
        }
    }

    static List<BucketSteps> bucketSteps(HaltingStats s) {
        DifficultyBucket[] b = s.buckets();
        List<BucketSteps> out = new ArrayList<>();
        for (DifficultyBucket which : DifficultyBucket.values()) {
            int count = 0, lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            long sum = 0;
            for (int i = 0; i < b.length; i++) {
                if (b[i] != which) continue;
                PuzzleTrajectory p = s.puzzles().get(i);
                count++;
                sum += s.haltStep(p);
                lo = Math.min(lo, p.difficulty());
                hi = Math.max(hi, p.difficulty());
            }
            if (count > 0) out.add(new BucketSteps(which, count, lo, hi, sum / (double) count));
        }
        return out;
    }

    /** Mean halting step rises strictly from each bucket to the next, over all three buckets. */
    public boolean risesAcrossBuckets() {
        if (buckets.size() < DifficultyBucket.values().length) return false;
        for (int i = 1; i < buckets.size(); i++)
            if (!(buckets.get(i).meanSteps() > buckets.get(i - 1).meanSteps())) return false;
        return true;
    }

    /**
     * The deck's shape of halting (slide 03: easy puzzles halt after 4–6 iterations, hard ones after 12–16, i.e. the
     * hard ones take two to three times as long): a stricter reading than {@link #verdict()}, which asks only that
     * halting rise with difficulty. Targets: rho at least {@link #DECK_MIN_SPEARMAN} and the hard bucket's mean halting
     * step at least {@link #DECK_MIN_RATIO} times the easy bucket's.
     */
    public static final double DECK_MIN_SPEARMAN = 0.5, DECK_MIN_RATIO = 2.0;

    /** Mean halting step of the hard bucket over the easy bucket's; NaN without both. */
    public double hardToEasyRatio() {
        BucketSteps easy = null, hard = null;
        for (BucketSteps b : buckets) {
            if (b.bucket() == DifficultyBucket.EASY) easy = b;
            if (b.bucket() == DifficultyBucket.HARD) hard = b;
        }
        return easy == null || hard == null ? Double.NaN : hard.meanSteps() / easy.meanSteps();
    }

    /** "in the deck's shape", or what falls short of {@link #DECK_MIN_SPEARMAN} and {@link #DECK_MIN_RATIO}. */
    public String deckShape() {
        List<String> fails = new ArrayList<>();
        if (!(spearman >= DECK_MIN_SPEARMAN))
            fails.add(String.format(
                    Locale.ROOT, "rho %s < %.2f", Double.isNaN(spearman) ? "NaN" : fmt(spearman), DECK_MIN_SPEARMAN));
        double ratio = hardToEasyRatio();
        if (!(ratio >= DECK_MIN_RATIO))
            fails.add(String.format(
                    Locale.ROOT,
                    "hard/easy mean halting step %s < %.1f",
                    Double.isNaN(ratio) ? "NaN" : fmt(ratio),
                    DECK_MIN_RATIO));
        return fails.isEmpty() ? "in the deck's shape" : "not in the deck's shape: " + String.join("; ", fails);
    }

    /**
     * Whether this measurement supports the claim, and why not if it does not: rho at least {@link #MIN_SPEARMAN},
     * the mean halting step rising over three buckets, adaptive accuracy within {@link #MAX_ACCURACY_LOSS} of the
     * all-steps accuracy, and fewer steps than N_sup on average.
     */
    public String verdict() {
        List<String> fails = new ArrayList<>();
        if (Double.isNaN(spearman)) fails.add("rho undefined (no spread in difficulty or in halting step)");
        else if (spearman < MIN_SPEARMAN)
            fails.add(String.format(Locale.ROOT, "rho %.2f < %.2f", spearman, MIN_SPEARMAN));
        if (!risesAcrossBuckets()) fails.add("mean halting step does not rise across three difficulty buckets");
        if (fullExact - adaptiveExact > MAX_ACCURACY_LOSS)
            fails.add(String.format(
                    Locale.ROOT,
                    "adaptive exact %.3f is more than %.0f point below all-steps %.3f",
                    adaptiveExact,
                    100 * MAX_ACCURACY_LOSS,
                    fullExact));
        if (!(meanSteps < maxSteps)) fails.add("no steps saved (mean " + fmt(meanSteps) + " of " + maxSteps + ")");
        return fails.isEmpty() ? "supported" : "not supported: " + String.join("; ", fails);
    }

    /**
     * The deck's picture beside this measurement, for a notebook's key-value table: rho, the mean halting step from
     * the easy bucket to the hard one and their ratio, then both readings ({@link #deckShape()}, {@link #verdict()}).
     * Every number comes from the measurement; only the deck's own figures are fixed.
     */
    public Map<String, String> shapeFacts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("puzzles", puzzles + ", ordered by " + difficulty);
        f.put("Spearman's rho (difficulty, halting step)", Double.isNaN(spearman) ? "NaN" : fmt(spearman));
        StringBuilder steps = new StringBuilder();
        for (BucketSteps b : buckets)
            steps.append(steps.isEmpty() ? "" : " → ")
                    .append(b.bucket().label())
                    .append(' ')
                    .append(fmt(b.meanSteps()));
        f.put("mean halting step, easy → hard (supervision steps)", steps.toString());
        double ratio = hardToEasyRatio();
        f.put(
                "hard/easy mean halting step",
                (Double.isNaN(ratio) ? "NaN" : fmt(ratio)) + " (the deck's " + HaltingTables.DECK_HARD + " over "
                        + HaltingTables.DECK_EASY + " is 2 to 4)");
        f.put(
                String.format(
                        Locale.ROOT, "deck's shape (rho ≥ %.1f, hard/easy ≥ %.0f)", DECK_MIN_SPEARMAN, DECK_MIN_RATIO),
                deckShape());
        f.put(
                String.format(
                        Locale.ROOT,
                        "halting claim (rho ≥ %.1f, rising over 3 buckets, adaptive within %.0f point)",
                        MIN_SPEARMAN,
                        100 * MAX_ACCURACY_LOSS),
                verdict());
        f.put(
                "exact match: all " + maxSteps + " steps / adaptive",
                String.format(
                        Locale.ROOT, "%.3f / %.3f at %.2f steps on average", fullExact, adaptiveExact, meanSteps));
        return f;
    }

    /** The machine-readable lines of {@code looplab halting}, then the unit conversion. */
    public String lines() {
        return String.format(
                        Locale.ROOT,
                        "spearman_difficulty_steps: %s%nadaptive_exact: %.4f%nfull_exact: %.4f%n"
                                + "mean_steps: %.3f%nmean_answer_updates: %.3f%nmean_net_calls: %.3f%ndifficulty_rating: %s%n"
                                + "halting_claim: %s%nhard_easy_step_ratio: %s%ndeck_shape: %s%n",
                        Double.isNaN(spearman) ? "NaN" : String.format(Locale.ROOT, "%.4f", spearman),
                        adaptiveExact,
                        fullExact,
                        meanSteps,
                        meanSteps * units.answerUpdatesPerStep(),
                        meanSteps * units.netCallsPerStep(),
                        difficulty,
                        verdict(),
                        Double.isNaN(hardToEasyRatio()) ? "NaN" : String.format(Locale.ROOT, "%.3f", hardToEasyRatio()),
                        deckShape())
                + "units: halting is checked once per supervision step = " + units.formula()
                + (units.sameAsDeckIteration()
                        ? " (here one step is one deck iteration)"
                        : "; the deck's iteration (slide 04) is one z- and one y-update, so it equals a supervision step only"
                                + " at n = 1, T = 1")
                + System.lineSeparator();
    }

    /** Mean halting step per bucket in both units, beside the deck's 4–6 / 12–16 iterations. */
    public Table bucketTable() {
        StringColumn bucket = StringColumn.create("bucket"),
                range = StringColumn.create("difficulty"),
                claim = StringColumn.create("deck claim (iterations)");
        IntColumn count = IntColumn.create("puzzles");
        DoubleColumn steps = DoubleColumn.create("mean halt step (supervision steps)"),
                updates = DoubleColumn.create("mean y-updates"),
                calls = DoubleColumn.create("mean net calls");
        for (BucketSteps b : buckets) {
            bucket.append(b.bucket().label());
            count.append(b.puzzles());
            range.append(DifficultyBucket.range(b.minDifficulty(), b.maxDifficulty()));
            steps.append(b.meanSteps());
            updates.append(b.meanSteps() * units.answerUpdatesPerStep());
            calls.append(b.meanSteps() * units.netCallsPerStep());
            claim.append(
                    b.bucket() == DifficultyBucket.EASY
                            ? HaltingTables.DECK_EASY
                            : b.bucket() == DifficultyBucket.HARD ? HaltingTables.DECK_HARD : "—");
        }
        return Table.create(
                "Mean halting step by difficulty, in both units · threshold " + fmt(threshold) + ", N_sup " + maxSteps,
                bucket,
                count,
                range,
                steps,
                updates,
                calls,
                claim);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
