package org.looplab.provenance;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * One seed per run, one generator per purpose: {@code Seeds.random(seed, "train-batches")}. Deriving by purpose
 * means adding a new random choice somewhere never shifts the numbers drawn for another.
 */
public final class Seeds {
    private Seeds() {}

    /** A well-mixed 64-bit seed for (seed, purpose) (SplitMix64 finaliser over the purpose's bytes). */
    public static long derive(long seed, String purpose) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) h = mix(h ^ (b & 0xFF));
        return h;
    }

    /** A {@link Random} for one purpose of a seeded run. */
    public static Random random(long seed, String purpose) {
        return new Random(derive(seed, purpose));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
