package org.looplab.analysis;

import java.util.Arrays;
import java.util.Locale;

/**
 * Easy, medium or hard, relative to the puzzles at hand. Puzzles are ordered by solver backtracks (more = harder),
 * then by givens (fewer = harder). Equal keys always share a bucket (splitting a tie would be arbitrary), so the
 * distinct keys, in order, are cut into three consecutive runs whose sizes are as close to a third each as the ties
 * allow (least squares). With only two distinct keys there is no medium; with one, everything is {@link #EASY} and
 * hard is empty: a set without spread in difficulty has nothing to call hard.
 *
 * <p>Why not plain terciles: generated 4×4 minimal puzzles all need 0 backtracks and 79% have 4 givens, so tercile
 * cuts would fall inside one tie.
 */
public enum DifficultyBucket {
    EASY,
    MEDIUM,
    HARD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A bucket's difficulty range for a table: "6–14", or "6" when every puzzle in it has the same. */
    public static String range(int min, int max) {
        return min == max ? String.valueOf(min) : min + "–" + max;
    }

    /** The bucket of each puzzle; {@code backtracks[i]} and {@code givens[i]} describe puzzle i. */
    public static DifficultyBucket[] of(int[] backtracks, int[] givens) {
        int n = backtracks.length;
        if (givens.length != n)
            throw new IllegalArgumentException(n + " backtrack counts but " + givens.length + " givens counts");
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = key(backtracks[i], givens[i]);
        long[] levels = Arrays.stream(keys).distinct().sorted().toArray();
        int m = levels.length;
        long[] upTo = new long[m + 1]; // upTo[j]: puzzles with a key below levels[j]
        for (long k : keys) upTo[Arrays.binarySearch(levels, k) + 1]++;
        for (int j = 0; j < m; j++) upTo[j + 1] += upTo[j];
        // First level of medium and of hard; m means "empty".
        int medium = m, hard = m;
        if (m == 2) hard = 1;
        if (m >= 3) {
            double best = Double.MAX_VALUE, third = n / 3.0;
            for (int i = 1; i < m - 1; i++) {
                for (int j = i + 1; j < m; j++) {
                    double cost = sq(upTo[i] - third) + sq(upTo[j] - upTo[i] - third) + sq(n - upTo[j] - third);
                    if (cost < best) {
                        best = cost;
                        medium = i;
                        hard = j;
                    }
                }
            }
        }
        DifficultyBucket[] out = new DifficultyBucket[n];
        for (int i = 0; i < n; i++) {
            int level = Arrays.binarySearch(levels, keys[i]);
            out[i] = level >= hard ? HARD : level >= medium ? MEDIUM : EASY;
        }
        return out;
    }

    private static double sq(double x) {
        return x * x;
    }

    // Backtracks dominate; among equal backtracks fewer givens rank harder (givens <= 900 for any grid here).
    // HaltingClaim ranks puzzles by this same key for its Spearman correlation.
    static long key(int backtracks, int givens) {
        return (long) backtracks * 2048 + (1024 - Math.max(-1, Math.min(1023, givens)));
    }
}
