package org.looplab.analysis;

import java.util.List;
import java.util.Locale;

/**
 * One arm of a comparison, as the verdict rule needs it: the mean over seeds, their sample sd and how many seeds.
 * Made from one value per seed ({@link #of}) or read from a summary table that already holds the three.
 *
 * @param mean  mean over seeds, in [0, 1] for accuracies
 * @param sd    sample standard deviation (n − 1); 0 for one seed
 * @param seeds how many seeds
 */
public record Sample(double mean, double sd, int seeds) {

    /** One value per seed. */
    public static Sample of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new Sample(Statistics.mean(v), Statistics.sd(v), v.length);
    }

    /** "84.7% ± 9.7 (3 seeds)". */
    public String describe() {
        if (seeds == 0) return "no runs yet"; // an arm still queued: no mean to print
        return String.format(
                Locale.ROOT, "%.1f%% ± %.1f (%d seed%s)", 100 * mean, 100 * sd, seeds, seeds == 1 ? "" : "s");
    }
}
