package org.looplab.analysis;

import java.util.Arrays;

/**
 * Easy, medium or hard, relative to the puzzles at hand. Puzzles are ordered by solver backtracks (more = harder),
 * then by givens (fewer = harder); a puzzle's bucket is the third of the ordering its key starts in. Equal keys always
 * share a bucket, so a set with no spread in difficulty is all {@link #EASY} rather than split at random, and a
 * bucket can be empty.
 */
public enum DifficultyBucket {
    EASY, MEDIUM, HARD;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The bucket of each puzzle; {@code backtracks[i]} and {@code givens[i]} describe puzzle i. */
    public static DifficultyBucket[] of(int[] backtracks, int[] givens) {
        int n = backtracks.length;
        if (givens.length != n)
            throw new IllegalArgumentException(n + " backtrack counts but " + givens.length + " givens counts");
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = key(backtracks[i], givens[i]);
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        DifficultyBucket[] out = new DifficultyBucket[n];
        for (int i = 0; i < n; i++) {
            int below = lowerBound(sorted, keys[i]);           // puzzles strictly easier than this one
            out[i] = values()[Math.min(2, 3 * below / n)];
        }
        return out;
    }

    // Backtracks dominate; among equal backtracks fewer givens rank harder (givens <= 900 for any grid here).
    private static long key(int backtracks, int givens) {
        return (long) backtracks * 2048 + (1024 - Math.max(-1, Math.min(1023, givens)));
    }

    private static int lowerBound(long[] sorted, long key) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
