package org.looplab.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.looplab.analysis.HaltingClaim;
import org.looplab.analysis.HaltingRecord;
import org.looplab.analysis.Judgement;
import org.looplab.analysis.Sample;
import org.looplab.analysis.Verdict;
import org.looplab.sweep.CellResult;
import org.looplab.train.RunRecipe;

/**
 * The halting measurements of one configuration over its seeds, judged on their means: one board row per training
 * recipe, as for every other claim, rather than one row per run.
 *
 * <p>The pooling rule (set 2026-12-06, after the three 6×6 seeds were measured, and applied unchanged to every later
 * run): the targets of {@link HaltingClaim#verdict()} are checked on the mean over seeds of ρ, of both accuracies, of
 * the mean halting step and of each bucket's mean step; at least {@link Judgement#MIN_SEEDS} seeds are needed for a
 * verdict either way. The reason also says how many seeds meet every target alone, so a reader sees the strict
 * reading (every seed) beside the pooled one.
 *
 * @param key     what the seeds share: task, model and recipe for a sweep run, the {@link RunRecipe} label for a
 *                record that carries one, else the checkpoint itself; with the puzzles measured, the threshold and
 *                the difficulty rating
 * @param seeds   the seeds, one per record (a checkpoint with neither a sweep run nor a recipe counts as one seed)
 * @param records the measurements, in seed order
 * @param runs    the sweep runs they measured, where known (their code versions go into the reason)
 */
record HaltingSeeds(String key, List<Long> seeds, List<HaltingRecord> records, List<CellResult> runs) {

    HaltingSeeds {
        seeds = List.copyOf(seeds);
        records = List.copyOf(records);
        runs = List.copyOf(runs);
    }

    /**
     * Groups records by configuration. A record made from a sweep run (its model names the run's folder) takes the
     * run's seed and recipe from {@code runs}; a record that carries its run's {@link RunRecipe} (a {@code looplab
     * train} run, such as a warm-started stage) joins the records of the same recipe, whatever folders they name; any
     * other record is a group of its own.
     */
    static List<HaltingSeeds> group(List<HaltingRecord> records, List<CellResult> runs) {
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, List<Long>> seeds = new LinkedHashMap<>();
        Map<String, List<HaltingRecord>> byKey = new LinkedHashMap<>();
        Map<String, List<CellResult>> measured = new LinkedHashMap<>();
        for (HaltingRecord r : records) {
            Optional<CellResult> run = runOf(r, runs);
            String measurement = (r.depth() == null ? "" : ", run at " + r.depth()) + "; " + r.data()
                    + "; threshold " + r.claim().threshold() + "; rated by "
                    + r.claim().difficulty() + "; N_sup "
                    + r.claim().maxSteps();
            String label;
            String id;
            long seed;
            if (run.isPresent()) {
                CellResult c = run.get();
                label = c.task().id() + " " + c.model().id() + " n " + c.latentSteps() + ", T " + c.recursions()
                        + ", width " + c.hiddenSize() + ", " + c.steps() + " steps";
                id = label;
                seed = c.seed();
            } else if (r.recipe() != null) {
                label = r.recipe().label();
                // Grouped by the recipe's hash: two recipes may read alike and still differ (a weight decay, say).
                id = "recipe " + r.recipe().sha256();
                seed = r.recipe().seed();
            } else {
                label = r.model();
                id = label;
                seed = -1;
            }
            String key = id + measurement;
            shown.putIfAbsent(key, label + measurement);
            seeds.computeIfAbsent(key, k -> new ArrayList<>()).add(seed);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            List<CellResult> known = measured.computeIfAbsent(key, k -> new ArrayList<>());
            run.ifPresent(known::add);
        }
        List<HaltingSeeds> out = new ArrayList<>();
        byKey.forEach((k, rs) -> out.add(new HaltingSeeds(shown.get(k), seeds.get(k), rs, measured.get(k))));
        return out;
    }

    /** The sweep run a record measured: its folder name appears in the record's model description. */
    private static Optional<CellResult> runOf(HaltingRecord r, List<CellResult> runs) {
        return runs.stream()
                .filter(c ->
                        r.model().contains("/" + c.folder() + " ") || r.model().endsWith("/" + c.folder()))
                .findFirst();
    }

    /** The claim with every number replaced by its mean over seeds (buckets matched by position: same test set). */
    HaltingClaim mean() {
        HaltingClaim first = records.get(0).claim();
        List<HaltingClaim.BucketSteps> buckets = new ArrayList<>();
        for (int i = 0; i < first.buckets().size(); i++) {
            HaltingClaim.BucketSteps b = first.buckets().get(i);
            int at = i;
            buckets.add(new HaltingClaim.BucketSteps(
                    b.bucket(),
                    b.puzzles(),
                    b.minDifficulty(),
                    b.maxDifficulty(),
                    average(c -> c.buckets().get(at).meanSteps())));
        }
        return new HaltingClaim(
                first.puzzles(),
                first.maxSteps(),
                first.threshold(),
                average(HaltingClaim::spearman),
                average(HaltingClaim::adaptiveExact),
                average(HaltingClaim::fullExact),
                average(HaltingClaim::meanSteps),
                first.units(),
                buckets,
                first.difficulty());
    }

    private double average(ToDoubleFunction<HaltingClaim> f) {
        return records.stream()
                .mapToDouble(r -> f.applyAsDouble(r.claim()))
                .average()
                .orElse(Double.NaN);
    }

    private Sample sample(ToDoubleFunction<HaltingClaim> f) {
        List<Double> v = new ArrayList<>();
        for (HaltingRecord r : records) v.add(f.applyAsDouble(r.claim()));
        return Sample.of(v);
    }

    /** How many seeds meet every target on their own. */
    long seedsMeetingAlone() {
        return records.stream()
                .filter(r -> r.claim().verdict().equals("supported"))
                .count();
    }

    /** "ρ = 0.49 ± 0.03; adaptive 98.5% ± 0.2 vs all-steps 99.3% ± 0.3 at 2.51 of 16 steps; bucket means …". */
    String describe() {
        HaltingClaim m = mean();
        Sample rho = sample(HaltingClaim::spearman);
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "ρ = %s; adaptive %s vs all-steps %s at %.2f of %d steps; bucket means",
                Double.isNaN(m.spearman())
                        ? "undefined"
                        : String.format(Locale.ROOT, "%.2f", m.spearman())
                                + (records.size() > 1 ? String.format(Locale.ROOT, " ± %.2f", rho.sd()) : ""),
                percent(sample(HaltingClaim::adaptiveExact)),
                percent(sample(HaltingClaim::fullExact)),
                m.meanSteps(),
                m.maxSteps()));
        for (HaltingClaim.BucketSteps b : m.buckets())
            s.append(String.format(Locale.ROOT, " %s %.2f", b.bucket().label(), b.meanSteps()));
        s.append(" (");
        if (seeds.stream().allMatch(x -> x >= 0))
            s.append(records.size())
                    .append(records.size() == 1 ? " seed: " : " seeds: ")
                    .append(String.join(
                            ", ", seeds.stream().map(String::valueOf).toList()))
                    .append("; ");
        else s.append("one run: ");
        return s.append(key)
                .append(", ")
                .append(m.puzzles())
                .append(" puzzles)")
                .toString();
    }

    private String percent(Sample v) {
        return v.seeds() == 1
                ? String.format(Locale.ROOT, "%.1f%%", 100 * v.mean())
                : String.format(Locale.ROOT, "%.1f%% ± %.1f", 100 * v.mean(), 100 * v.sd());
    }

    /**
     * The stricter claim of the deck's own numbers (slide 03: easy 9×9 puzzles halt after 4–6 iterations, hard ones
     * after 12–16), judged on the means over seeds: supported when mean ρ ≥ {@link HaltingClaim#DECK_MIN_SPEARMAN},
     * the hard bucket's mean halting step ≥ {@link HaltingClaim#DECK_MIN_RATIO} × the easy one's, and adaptive halting
     * within {@link HaltingClaim#MAX_ACCURACY_LOSS} of all steps; contradicted when the seeds' hard/easy ratios lie
     * below the deck's 2× beyond seed noise (one-sample t of {@code 2 − mean} over its standard error at least the
     * two-sided 95% value for n − 1 degrees of freedom); otherwise inconclusive, saying what falls short. At least
     * {@link Judgement#MIN_SEEDS} seeds either way. Rule set on the day the shipped 9×9 recipe had one seed measured
     * (ratio 1.60), before its seeds 1 and 2 were.
     */
    Judgement judgeDeckShape() {
        HaltingClaim m = mean();
        Sample ratio = sample(HaltingClaim::hardToEasyRatio);
        String numbers = String.format(
                Locale.ROOT,
                "mean over seeds: ρ %.2f (deck ≥ %.1f), hard/easy mean halting step %.2f%s (deck ≥ %.0f×), adaptive"
                        + " %.1f points below all steps (≤ %.0f)",
                m.spearman(),
                HaltingClaim.DECK_MIN_SPEARMAN,
                m.hardToEasyRatio(),
                records.size() > 1
                        ? String.format(Locale.ROOT, " (per seed %.2f ± %.2f)", ratio.mean(), ratio.sd())
                        : "",
                HaltingClaim.DECK_MIN_RATIO,
                100 * (m.fullExact() - m.adaptiveExact()),
                100 * HaltingClaim.MAX_ACCURACY_LOSS);
        if (records.size() < Judgement.MIN_SEEDS)
            return new Judgement(
                    Verdict.INCONCLUSIVE,
                    records.size() + " seed" + (records.size() == 1 ? "" : "s") + " (need " + Judgement.MIN_SEEDS
                            + "); " + numbers);
        boolean meets = m.spearman() >= HaltingClaim.DECK_MIN_SPEARMAN
                && m.hardToEasyRatio() >= HaltingClaim.DECK_MIN_RATIO
                && m.fullExact() - m.adaptiveExact() <= HaltingClaim.MAX_ACCURACY_LOSS;
        if (meets) return new Judgement(Verdict.SUPPORTED, numbers);
        if (m.hardToEasyRatio() >= HaltingClaim.DECK_MIN_RATIO)
            // The deck's 2× holds on the means, so nothing contradicts it; what is short is ρ or the accuracy.
            return new Judgement(
                    Verdict.INCONCLUSIVE,
                    numbers + "; the ratio meets 2×, "
                            + (m.spearman() < HaltingClaim.DECK_MIN_SPEARMAN
                                    ? "ρ falls short"
                                    : "adaptive accuracy falls short"));
        double t = (HaltingClaim.DECK_MIN_RATIO - ratio.mean()) / (ratio.sd() / Math.sqrt(ratio.seeds()));
        double critical = oneSampleCritical(ratio.seeds() - 1);
        String test = String.format(
                Locale.ROOT,
                "; one-sample t of the ratio's shortfall = %s (%s %.3f at %d degrees of freedom)",
                Double.isInfinite(t) ? "+∞" : String.format(Locale.ROOT, "%.2f", t),
                t >= critical ? "≥" : "<",
                critical,
                ratio.seeds() - 1);
        return new Judgement(t >= critical ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE, numbers + test);
    }

    /**
     * Two-sided 95% critical value of Student's t at {@code df} degrees of freedom; beyond 4 the board's
     * {@link Judgement#T_CRITICAL} (df 4), which is conservative there.
     */
    static double oneSampleCritical(int df) {
        return switch (df) {
            case 1 -> 12.706;
            case 2 -> 4.303;
            case 3 -> 3.182;
            default -> Judgement.T_CRITICAL;
        };
    }

    /**
     * Supported when the means meet every target with enough seeds; contradicted when harder puzzles do not halt later
     * at all (mean ρ ≤ 0) with enough seeds; otherwise inconclusive, saying which target failed or that seeds are
     * missing.
     */
    Judgement judge() {
        HaltingClaim m = mean();
        String v = m.verdict();
        String alone = String.format(
                Locale.ROOT,
                "%d of %d seed%s meet every target alone",
                seedsMeetingAlone(),
                records.size(),
                records.size() == 1 ? "" : "s");
        if (records.size() < Judgement.MIN_SEEDS)
            return new Judgement(
                    Verdict.INCONCLUSIVE,
                    records.size() + " seed" + (records.size() == 1 ? "" : "s") + " (need " + Judgement.MIN_SEEDS
                            + "); "
                            + (v.equals("supported")
                                    ? "alone it meets every target"
                                    : v.substring("not supported: ".length())));
        if (v.equals("supported"))
            return new Judgement(
                    Verdict.SUPPORTED,
                    String.format(
                            Locale.ROOT,
                            "mean over seeds: ρ %.2f ≥ %.1f, halting rises over %d buckets, adaptive %.1f points"
                                    + " below all steps (≤ %.0f); %s",
                            m.spearman(),
                            HaltingClaim.MIN_SPEARMAN,
                            m.buckets().size(),
                            100 * (m.fullExact() - m.adaptiveExact()),
                            100 * HaltingClaim.MAX_ACCURACY_LOSS,
                            alone));
        String why = "mean over seeds: " + v.substring("not supported: ".length()) + "; " + alone;
        if (!Double.isNaN(m.spearman()) && m.spearman() <= 0) return new Judgement(Verdict.CONTRADICTED, why);
        return new Judgement(Verdict.INCONCLUSIVE, why);
    }
}
