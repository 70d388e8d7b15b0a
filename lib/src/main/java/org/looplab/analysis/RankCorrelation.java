package org.looplab.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation: Pearson's r of the ranks, ties given their average rank (so a tie-heavy variable, such
 * as 0 backtracks for most puzzles or halting at step 1, is neither inflated nor deflated by an arbitrary order).
 */
public final class RankCorrelation {
    private RankCorrelation() {}

    /** Ranks 1..n; equal values share the mean of the ranks they span ([10, 20, 20, 30] -> [1, 2.5, 2.5, 4]). */
    public static double[] averageRanks(double[] values) {
        int n = values.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        for (int from = 0; from < n; ) {
            int to = from;
            while (to + 1 < n && values[order[to + 1]] == values[order[from]]) to++;
            double shared = (from + to) / 2.0 + 1; // mean of ranks from+1 .. to+1
            for (int k = from; k <= to; k++) ranks[order[k]] = shared;
            from = to + 1;
        }
        return ranks;
    }

    /**
     * Spearman's rho of {@code x} and {@code y} (same length, at least 2). NaN when either is constant: then no
     * ordering exists to correlate, and 0 would wrongly read as "measured, no relation".
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length)
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        if (x.length < 2) throw new IllegalArgumentException("Spearman needs at least 2 pairs, got " + x.length);
        return pearson(averageRanks(x), averageRanks(y));
    }

    static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow(),
                my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
