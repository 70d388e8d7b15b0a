package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * RoPE, rotate-half layout, base 10000, over every position incl. the puzzle prefix (TRM code layers.py L24-41, L81-96).
 * The tables {@code [seq, headDim]} are made once, in the model's manager: a table made lazily inside a forward pass
 * would be closed by that pass's scope.
 *
 * <p>How it is computed (the profile of a training step, docs/models.md, steered this): rotate_half(x) =
 * (-x2, x1) is written as swap(x)·(-sin, sin), where swap exchanges the halves with one {@code flip} over a
 * {@code [2, half]} view. The old slices, negation and concatenation cost four passes and, in the backward, a zero
 * fill plus a copy per slice. Queries get tables pre-multiplied by attention's 1/sqrt(headDim), so the scores
 * {@code [B, H, S, S]} need no scaling pass; {@code q·s·k} equals {@code (q·k)·s} up to float rounding.
 */
final class RotaryEmbedding {
    static final double BASE = 10000;
    private final NDArray cos, sin; // [seq, headDim]; sin carries the rotation's sign: (-sin, +sin)
    private final NDArray queryCos, querySin; // the same times 1/sqrt(headDim)
    private final int half;

    RotaryEmbedding(NDManager manager, DataType dtype, int seqLen, int headDim) {
        if (headDim % 2 != 0) throw new IllegalArgumentException("RoPE needs an even head size, was " + headDim);
        this.half = headDim / 2;
        double queryScale = 1.0 / Math.sqrt(headDim);
        float[] c = new float[seqLen * headDim], s = new float[seqLen * headDim];
        float[] qc = new float[seqLen * headDim], qs = new float[seqLen * headDim];
        for (int p = 0; p < seqLen; p++) {
            for (int i = 0; i < half; i++) {
                double angle = p / Math.pow(BASE, 2.0 * i / headDim);
                // the two halves share a frequency: rotate-half pairs channel i with channel i + half
                int first = p * headDim + i, second = first + half;
                c[first] = c[second] = (float) Math.cos(angle);
                s[first] = -(s[second] = (float) Math.sin(angle));
                qc[first] = qc[second] = (float) (Math.cos(angle) * queryScale);
                qs[first] = -(qs[second] = (float) (Math.sin(angle) * queryScale));
            }
        }
        Shape shape = new Shape(seqLen, headDim);
        this.cos = table(manager, c, shape, dtype);
        this.sin = table(manager, s, shape, dtype);
        this.queryCos = table(manager, qc, shape, dtype);
        this.querySin = table(manager, qs, shape, dtype);
    }

    private static NDArray table(NDManager manager, float[] values, Shape shape, DataType dtype) {
        NDArray f32 = manager.create(values, shape);
        if (dtype == DataType.FLOAT32) return f32;
        NDArray converted = f32.toType(dtype, false);
        f32.close();
        return converted;
    }

    /** Rotates keys {@code [batch, heads, seq, headDim]}. */
    NDArray apply(NDArray k) {
        return rotate(k, cos, sin);
    }

    /** Rotates queries {@code [batch, heads, seq, headDim]} and scales them by 1/sqrt(headDim) for attention. */
    NDArray applyScaled(NDArray q) {
        return rotate(q, queryCos, querySin);
    }

    private NDArray rotate(NDArray x, NDArray c, NDArray s) {
        Shape shape = x.getShape();
        long[] pairs = new long[shape.dimension() + 1]; // [..., 2, half]: splitting the last axis is always a view
        for (int d = 0; d < shape.dimension() - 1; d++) pairs[d] = shape.get(d);
        pairs[pairs.length - 2] = 2;
        pairs[pairs.length - 1] = half;
        NDArray swapped = x.reshape(new Shape(pairs)).flip(pairs.length - 2).reshape(shape); // (x2, x1)
        return x.mul(c).add(swapped.mul(s));
    }
}
