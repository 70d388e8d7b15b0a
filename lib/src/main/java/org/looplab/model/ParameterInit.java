package org.looplab.model;

import java.util.Random;

/**
 * Seeded draws for initial weights, in Java so the same seed gives the same numbers on every engine and thread.
 * Truncation follows the TRM code ({@code models/common.py} L7-32, used by {@code layers.py} L44-60): draw within ±2σ, then rescale so the truncated draw has exactly the asked
 * standard deviation (JAX-style "corrected" truncated normal).
 */
final class ParameterInit {
    /** Standard deviation of a standard normal truncated to ±2: sqrt(1 - 4φ(2)/(2Φ(2)-1)). */
    static final double TRUNCATED_STD = 0.8796256610342398;

    private ParameterInit() {}

    /** {@code count} draws with standard deviation {@code std}, each within ±2·std/0.8796. */
    static float[] truncatedNormal(Random rng, int count, double std) {
        double scale = std / TRUNCATED_STD;
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            double g;
            do {
                g = rng.nextGaussian();
            } while (g < -2 || g > 2);
            out[i] = (float) (g * scale);
        }
        return out;
    }

    /** LeCun normal for a weight with {@code fanIn} inputs: std 1/sqrt(fan_in), so activations keep unit scale. */
    static double lecunStd(long fanIn) {
        return 1.0 / Math.sqrt(fanIn);
    }
}
