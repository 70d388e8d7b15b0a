package org.looplab.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The lab's one home for the statistics its reports rest on: mean, sample sd, median, Welch's t and Spearman's rank
 * correlation. The sweep summary, the ablation report, the claims board, the halting tables and the benchmarks all
 * call these, so a table and the board can never compute "the same" number two ways.
 */
public final class Statistics {
    private Statistics() {}

    /** Arithmetic mean (the stream's compensated sum); NaN for no values. */
    public static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n − 1); 0 for a single value, where there is no spread to estimate. */
    public static double sd(double[] v) {
        if (v.length < 2) return 0;
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }

    /** The median of values sorted ascending: the middle one, or the mean of the middle two for an even count. */
    public static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The median of values in any order (the array is not changed). */
    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return medianOfSorted(s);
    }

    /** The median of integers sorted ascending. */
    public static double medianOfSorted(int[] sorted) {
        return medianOfSorted(Arrays.stream(sorted).asDoubleStream().toArray());
    }

    /** Welch's t of mean a − mean b from means, sample sds and counts; ±∞ when neither side spreads and they differ. */
    public static double welchT(double meanA, double sdA, int nA, double meanB, double sdB, int nB) {
        double d = meanA - meanB;
        double se = Math.sqrt(sdA * sdA / nA + sdB * sdB / nB);
        if (se == 0) return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        return d / se;
    }

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
     * Spearman's rho of {@code x} and {@code y} (same length, at least 2): Pearson's r of the ranks, ties given their
     * average rank (so a tie-heavy variable, such as 0 backtracks for most puzzles or halting at step 1, is neither
     * inflated nor deflated by an arbitrary order). NaN when either is constant: then no ordering exists to
     * correlate, and 0 would wrongly read as "measured, no relation".
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length)
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        if (x.length < 2) throw new IllegalArgumentException("Spearman needs at least 2 pairs, got " + x.length);
        return pearson(averageRanks(x), averageRanks(y));
    }

    static double pearson(double[] x, double[] y) {
        double mx = mean(x), my = mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
