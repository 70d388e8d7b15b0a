package org.looplab.analysis;

import java.util.Locale;

/**
 * A verdict and the reason for it, by the lab's one rule for "arm A beats arm B" ({@link #compare}): the claims
 * board and the ablation report both judge with it, so they cannot disagree on the same data.
 *
 * @param verdict supported, contradicted or inconclusive
 * @param reason  the numbers the verdict rests on, in words
 */
public record Judgement(Verdict verdict, String reason) {

    /** Fewer seeds per arm than this, and seed-to-seed spread cannot be told from an effect (the board asks for ≥ 3 seeds). */
    public static final int MIN_SEEDS = 3;

    /**
     * Two-sided 95% critical value of Student's t with 4 degrees of freedom: Welch's test of 3 seeds against 3
     * has at most 4, so a gap must clear it to count. With more seeds this is conservative.
     */
    public static final double T_CRITICAL = 2.776;

    /**
     * The claim "arm {@code favoured} beats arm {@code other}" against the data, by Welch's t of the two means: at
     * least {@link #T_CRITICAL} (two-sided 95% at 4 degrees of freedom, conservative for more seeds)
     * in the claimed direction supports it, as far in the other direction contradicts it, anything between is
     * within seed noise. Both arms at 0 says nothing about either: neither learned the task at this budget.
     */
    public static Judgement compare(String favouredName, Sample favoured, String otherName, Sample other) {
        int seeds = Math.min(favoured.seeds(), other.seeds());
        if (seeds < MIN_SEEDS)
            return new Judgement(
                    Verdict.INCONCLUSIVE,
                    seeds + " seed" + (seeds == 1 ? "" : "s") + " on the smaller arm (need " + MIN_SEEDS + ")");
        if (favoured.mean() == 0 && other.mean() == 0)
            return new Judgement(
                    Verdict.INCONCLUSIVE, "both arms at 0% exact: neither learned the task at this budget");
        double gap = favoured.mean() - other.mean();
        double t = Statistics.welchT(
                favoured.mean(), favoured.sd(), favoured.seeds(), other.mean(), other.sd(), other.seeds());
        String numbers = String.format(
                Locale.ROOT,
                "%s − %s = %+.1f points, Welch t = %s",
                favouredName,
                otherName,
                100 * gap,
                Double.isInfinite(t) ? (t > 0 ? "+∞" : "−∞") : String.format(Locale.ROOT, "%.2f", t));
        if (t >= T_CRITICAL) return new Judgement(Verdict.SUPPORTED, numbers);
        if (t <= -T_CRITICAL) return new Judgement(Verdict.CONTRADICTED, numbers);
        return new Judgement(
                Verdict.INCONCLUSIVE,
                numbers + String.format(Locale.ROOT, " (|t| < %.2f: within seed noise)", T_CRITICAL));
    }
}
