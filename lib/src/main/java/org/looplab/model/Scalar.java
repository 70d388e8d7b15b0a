package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A constant operand for an op on the autograd path, made in libtorch's own memory.
 *
 * <p>Why not DJL's {@code x.mul(2f)}, {@code x.pow(-1)}, {@code x.maximum(0)}: DJL 0.36 makes the number a 0-d tensor
 * over a Java direct buffer ({@code from_blob}), runs the op and closes that tensor at once. Ops such as mul, div, pow,
 * maximum and minimum save both operands for the backward pass, so the graph keeps pointing at the Java buffer after
 * it became garbage; once the GC frees it, the backward reads freed memory. That was the occasional all-NaN gradient
 * from a finite loss (docs/djl-pitfalls.md §6): it struck some processes and not others, never with the Epsilon GC
 * (which frees nothing), and it was the cross-process difference between two runs of the same seed. A tensor from
 * {@code full} is owned by libtorch, so the graph's reference keeps it alive. Same value, same op: same numbers.
 */
public final class Scalar {
    private Scalar() {}

    /** {@code value} as a 0-d tensor of {@code like}'s type, in {@code like}'s manager (closed with its scope). */
    public static NDArray like(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }
}
