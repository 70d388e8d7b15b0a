package org.looplab.bench;

import java.util.List;
import java.util.Set;

/**
 * What one profiled op call had to do, from the input shapes libtorch's profiler records ({@code record_shapes}): the
 * FLOPs of a matmul, or the bytes a streaming element-wise op moves. With them the profile says how fast each kind of
 * work ran, so a slow step can be traced to the bound it hits (the matmul rate its shapes allow, or memory
 * bandwidth) instead of guessed at.
 *
 * @param flops float operations of a matmul call (0 for other ops)
 * @param bytes bytes an element-wise call reads and writes (0 where unknown or not element-wise)
 * @param elements the largest input's element count of an element-wise call (the size it streams over), else 0
 */
public record OpCost(double flops, double bytes, long elements) {
    static final OpCost UNKNOWN = new OpCost(0, 0, 0);

    /**
     * Ops that read each input once and write one array of the largest input's size (a broadcast result, or the
     * in-place target): the traffic model below is exact for them up to caches. Reductions, concatenations (whose
     * tensor-list inputs the profiler does not size) and views are left out.
     */
    static final Set<String> STREAMING_OPS = Set.of(
            "aten::mul",
            "aten::mul_",
            "aten::add",
            "aten::add_",
            "aten::sub",
            "aten::sub_",
            "aten::div",
            "aten::div_",
            "aten::neg",
            "aten::sigmoid",
            "aten::sigmoid_backward",
            "aten::exp",
            "aten::pow",
            "aten::rsqrt",
            "aten::sqrt",
            "aten::flip",
            "aten::copy_",
            "aten::fill_",
            "aten::where",
            "aten::_softmax");

    /**
     * The cost of a call of {@code op} with these input shapes (an empty shape is a 0-dimensional tensor or a
     * scalar argument: one element). float32 throughout: every tensor of the step is.
     */
    public static OpCost of(String op, List<long[]> inputs) {
        if (inputs.isEmpty()) return UNKNOWN;
        if (OpProfile.MATMUL_OPS.contains(op)) return new OpCost(matmulFlops(op, inputs), 0, 0);
        if (!STREAMING_OPS.contains(op)) return UNKNOWN;
        long sum = 0, largest = 0;
        for (long[] s : inputs) {
            long n = numel(s);
            sum += n;
            largest = Math.max(largest, n);
        }
        return new OpCost(0, 4.0 * (sum + largest), largest);
    }

    /** 2·m·k·n for {@code mm} ([m,k]·[k,n]), {@code addmm} (bias, [m,k], [k,n]) and {@code bmm} (b × the same). */
    static double matmulFlops(String op, List<long[]> in) {
        int first = op.equals("aten::addmm") || op.equals("aten::baddbmm") ? 1 : 0;
        if (in.size() < first + 2) return 0;
        long[] a = in.get(first), b = in.get(first + 1);
        if (a.length == 2 && b.length == 2) return 2.0 * a[0] * a[1] * b[1];
        if (a.length == 3 && b.length == 3) return 2.0 * a[0] * a[1] * a[2] * b[2];
        return 0; // a shape the model never uses (mv, dot, batched broadcasts): not counted
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }
}
