package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * RoPE, rotate-half layout, base 10000, over every position incl. the puzzle prefix (TRM code layers.py L24-41,
 * L81-96).
 * The cos/sin tables {@code [seq, headDim]} are made once, in the model's manager: a table made lazily inside a
 * forward pass would be closed by that pass's scope.
 */
final class RotaryEmbedding {
    static final double BASE = 10000;
    private final NDArray cos, sin; // [seq, headDim]
    private final int half;

    RotaryEmbedding(NDManager manager, DataType dtype, int seqLen, int headDim) {
        if (headDim % 2 != 0) throw new IllegalArgumentException("RoPE needs an even head size, was " + headDim);
        this.half = headDim / 2;
        float[] c = new float[seqLen * headDim], s = new float[seqLen * headDim];
        for (int p = 0; p < seqLen; p++) {
            for (int i = 0; i < half; i++) {
                double angle = p / Math.pow(BASE, 2.0 * i / headDim);
                // the two halves share a frequency: rotate-half pairs channel i with channel i + half
                c[p * headDim + i] = c[p * headDim + i + half] = (float) Math.cos(angle);
                s[p * headDim + i] = s[p * headDim + i + half] = (float) Math.sin(angle);
            }
        }
        this.cos = manager.create(c, new Shape(seqLen, headDim)).toType(dtype, false);
        this.sin = manager.create(s, new Shape(seqLen, headDim)).toType(dtype, false);
    }

    /** Rotates queries or keys {@code [batch, heads, seq, headDim]}. */
    NDArray apply(NDArray q) {
        NDArray first = q.get(new NDIndex("..., :" + half));
        NDArray second = q.get(new NDIndex("..., " + half + ":"));
        NDArray rotated = second.neg().concat(first, -1); // rotate_half: (-x2, x1)
        return q.mul(cos).add(rotated.mul(sin));
    }
}
