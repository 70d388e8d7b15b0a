package org.looplab.claims;

import java.util.List;
import java.util.Locale;

/**
 * One arm of a comparison: held-out exact accuracy of each seed's run.
 *
 * @param values one value per seed, in [0, 1]
 */
public record Sample(List<Double> values) {

    public Sample {
        values = List.copyOf(values);
    }

    public int seeds() {
        return values.size();
    }

    public double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n − 1); 0 for one seed, where there is no spread to estimate. */
    public double sd() {
        int n = values.size();
        if (n < 2) return 0;
        double m = mean(), ss = 0;
        for (double v : values) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (n - 1));
    }

    /** "84.7% ± 9.7 (3 seeds)". */
    public String describe() {
        return String.format(
                Locale.ROOT, "%.1f%% ± %.1f (%d seed%s)", 100 * mean(), 100 * sd(), seeds(), seeds() == 1 ? "" : "s");
    }
}
