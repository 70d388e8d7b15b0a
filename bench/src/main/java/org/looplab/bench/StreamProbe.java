package org.looplab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * How fast one plain libtorch element-wise op streams memory on this machine: {@code a.mul(b)} out of place on float32
 * arrays of a given size, counted as the profile counts the step's own element-wise calls ({@link OpCost}: two reads
 * and one write). It is the reference that says whether the step's element-wise work is bound by memory traffic.
 *
 * <p>Why the inputs rotate over {@link #SPAN_BYTES}: a training step's activations far exceed the last-level cache,
 * so its element-wise ops read from memory; the same two arrays multiplied again would be served from cache and
 * run 3–4× faster (85 vs 31 GB/s for 3.4 MB arrays on one core of the 2-core EPYC), a reference the step could never
 * reach. The output is allocated per call, as in the step.
 */
public final class StreamProbe {
    /** The inputs together span this many bytes: several times any last-level cache of a laptop or small server. */
    static final long SPAN_BYTES = 256L << 20;

    private StreamProbe() {}

    /** GB/s of {@code a.mul(b)} over {@code elements} floats, inputs from memory: the median of 3 rounds over them. */
    public static double gbPerSecond(long elements) {
        if (elements < 1) throw new IllegalArgumentException("elements must be >= 1, was " + elements);
        int pairs = (int) Math.max(2, SPAN_BYTES / (8 * elements));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray[] a = new NDArray[pairs], b = new NDArray[pairs];
            for (int i = 0; i < pairs; i++) {
                a[i] = manager.randomUniform(-1f, 1f, new Shape(elements), DataType.FLOAT32);
                b[i] = manager.randomUniform(-1f, 1f, new Shape(elements), DataType.FLOAT32);
            }
            for (int i = 0; i < pairs; i++) a[i].mul(b[i]).close(); // warm-up: allocator, kernel selection
            double[] seconds = new double[3 * pairs];
            for (int r = 0; r < seconds.length; r++) {
                long t0 = System.nanoTime();
                NDArray c = a[r % pairs].mul(b[r % pairs]);
                seconds[r] = (System.nanoTime() - t0) / 1e9;
                c.close();
            }
            Arrays.sort(seconds);
            return 3 * 4.0 * elements / seconds[seconds.length / 2] / 1e9;
        }
    }
}
