package org.looplab.claims;

import java.util.Locale;
import org.looplab.sweep.AblationReport;

/**
 * A verdict and the reason for it.
 *
 * @param verdict supported, contradicted or inconclusive
 * @param reason  the numbers the verdict rests on, in words
 */
public record Judgement(Verdict verdict, String reason) {

    /** Fewer seeds per arm than this, and seed-to-seed spread cannot be told from an effect (the board asks for ≥ 3 seeds). */
    public static final int MIN_SEEDS = 3;

    /**
     * The claim "arm {@code favoured} beats arm {@code other}" against the data, by Welch's t of the two means: at
     * least {@link AblationReport#T_CRITICAL} (two-sided 95% at 4 degrees of freedom, conservative for more seeds)
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
        double t = AblationReport.welchT(
                favoured.mean(), favoured.sd(), favoured.seeds(), other.mean(), other.sd(), other.seeds());
        String numbers = String.format(
                Locale.ROOT,
                "%s − %s = %+.1f points, Welch t = %s",
                favouredName,
                otherName,
                100 * gap,
                Double.isInfinite(t) ? (t > 0 ? "+∞" : "−∞") : String.format(Locale.ROOT, "%.2f", t));
        if (t >= AblationReport.T_CRITICAL) return new Judgement(Verdict.SUPPORTED, numbers);
        if (t <= -AblationReport.T_CRITICAL) return new Judgement(Verdict.CONTRADICTED, numbers);
        return new Judgement(
                Verdict.INCONCLUSIVE,
                numbers + String.format(Locale.ROOT, " (|t| < %.2f: within seed noise)", AblationReport.T_CRITICAL));
    }
}
