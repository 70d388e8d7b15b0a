package org.looplab.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the time of profiled training steps went, op by op: libtorch's own profiler (reached through DJL's
 * {@code JniUtils.startProfile}/{@code stopProfile}) writes a Chrome trace of every aten op with its wall time, and
 * {@link OpTrace} turns it into <b>self</b> time per op name (an op's time minus the ops it called), so the shares add
 * up to the profiled total and a wrapper such as {@code aten::linear} does not count its matmul twice. This record
 * holds those times, sizes them ({@link #sizedBy}) and prints them with the bounds they hit.
 *
 * @param ops       one row per op name, largest self time first
 * @param steps     how many training steps the trace covers (the per-step columns divide by it)
 * @param wallMs    wall time of those steps measured around them in Java (the part the profiler does not see is
 *                  Java, JNI and waiting)
 * @param cpuMs     CPU time of the thread that ran the steps, NaN if not measured (at one libtorch thread every op
 *                  runs on it, so wall − CPU is time the thread waited for a core)
 * @param topLevel  op events with no enclosing op on their thread: the ops Java dispatched (one JNI call each) and
 *                  the autograd engine's nodes (0: not counted)
 */
public record OpProfile(List<OpTime> ops, int steps, double wallMs, double cpuMs, long topLevel) {
    public OpProfile(List<OpTime> ops, int steps, double wallMs) {
        this(ops, steps, wallMs, Double.NaN, 0);
    }

    /** The same profile with the thread CPU time of the profiled steps. */
    public OpProfile withCpu(double ms) {
        return new OpProfile(ops, steps, wallMs, ms, topLevel);
    }

    /**
     * The ops that run a BLAS GEMM (or oneDNN's): everything else is element-wise work, reductions, copies and
     * bookkeeping. {@code aten::matmul} and {@code aten::linear} only dispatch to these, so their self time is small.
     */
    static final Set<String> MATMUL_OPS = Set.of(
            "aten::mm",
            "aten::bmm",
            "aten::addmm",
            "aten::baddbmm",
            "aten::addbmm",
            "aten::_mkldnn_matmul",
            "aten::mkldnn_matmul",
            "aten::dot",
            "aten::mv");

    /** Element-wise work at this fraction of a plain op's streaming rate or more counts as memory-bound. */
    static final double STREAMING_BOUND = 0.7;

    /**
     * One op name: total self time over the trace, call count, whether it is a matmul, and the work of the calls whose
     * size the trace records ({@link OpCost}): their FLOPs or bytes and their self time, for the rate they ran at.
     */
    public record OpTime(
            String name,
            double selfMs,
            long calls,
            boolean matmul,
            double flops,
            double bytes,
            double sizedMs,
            double msTimesElements) {
        public OpTime(String name, double selfMs, long calls, boolean matmul) {
            this(name, selfMs, calls, matmul, 0, 0, 0, 0);
        }

        /** GFLOP/s of the sized matmul calls, NaN if none. */
        public double gflops() {
            return flops > 0 ? flops / sizedMs / 1e6 : Double.NaN;
        }

        /** GB/s of the sized element-wise calls, NaN if none. */
        public double gbPerSecond() {
            return bytes > 0 ? bytes / sizedMs / 1e6 : Double.NaN;
        }
    }

    public double profiledMs() {
        return ops.stream().mapToDouble(OpTime::selfMs).sum();
    }

    public double matmulMs() {
        return ops.stream().filter(OpTime::matmul).mapToDouble(OpTime::selfMs).sum();
    }

    private static String rate(OpTime o) {
        if (!Double.isNaN(o.gflops())) return String.format(Locale.ROOT, "%.1f GFLOP/s", o.gflops());
        if (!Double.isNaN(o.gbPerSecond())) return String.format(Locale.ROOT, "%.1f GB/s", o.gbPerSecond());
        return "";
    }

    /** Self time and work of the calls whose {@code work} (FLOPs or bytes) the trace sized: {ms, work}. */
    double[] sized(java.util.function.ToDoubleFunction<OpTime> work) {
        double ms = 0, amount = 0;
        for (OpTime o : ops)
            if (work.applyAsDouble(o) > 0) {
                ms += o.sizedMs();
                amount += work.applyAsDouble(o);
            }
        return new double[] {ms, amount};
    }

    /**
     * This profile's times with the sizes of {@code shapes}, a profile of the same steps recorded with input shapes.
     * Why two passes: recording shapes slows libtorch's profiler enough to distort the op times themselves (the MLP
     * step's SwiGLU muls ran 2× slower under it), so the times come from a pass without shapes and only the sizes from
     * the other. An op is sized where both passes saw it the same number of times; the share of its time spent in
     * sized calls is the shape pass's.
     */
    public OpProfile sizedBy(OpProfile shapes) {
        Map<String, OpTime> sized = new HashMap<>();
        for (OpTime o : shapes.ops()) sized.put(o.name(), o);
        List<OpTime> out = new ArrayList<>();
        for (OpTime o : ops) {
            OpTime b = sized.get(o.name());
            if (b == null || b.calls() != o.calls() || b.sizedMs() == 0 || b.selfMs() == 0) {
                out.add(new OpTime(o.name(), o.selfMs(), o.calls(), o.matmul()));
                continue;
            }
            double ms = o.selfMs() * b.sizedMs() / b.selfMs();
            out.add(new OpTime(
                    o.name(),
                    o.selfMs(),
                    o.calls(),
                    o.matmul(),
                    b.flops(),
                    b.bytes(),
                    ms,
                    b.msTimesElements() * ms / b.sizedMs()));
        }
        return new OpProfile(out, steps, wallMs, cpuMs, topLevel);
    }

    /** The element count the sized element-wise time streamed over, weighted by time (what a probe should use). */
    public long typicalStreamElements() {
        double ms = 0, weighted = 0;
        for (OpTime o : ops)
            if (o.bytes() > 0) {
                ms += o.sizedMs();
                weighted += o.msTimesElements();
            }
        return ms > 0 ? Math.round(weighted / ms) : 0;
    }

    /**
     * The bounds the step's work hits, measured: its matmuls' rate against a large square matmul's ({@code
     * ceilingGflops}, the bench's ceiling) and its element-wise ops' rate against one plain libtorch element-wise op
     * of the step's size ({@code streamGbs}), both measured in the same process. What the 60% target needs is then
     * arithmetic: a step cannot beat its matmuls' own rate.
     */
    public String bounds(double ceilingGflops, double streamGbs) {
        double[] mm = sized(OpTime::flops), el = sized(OpTime::bytes);
        double total = profiledMs();
        StringBuilder out = new StringBuilder();
        if (mm[0] > 0) {
            double rate = mm[1] / mm[0] / 1e6;
            out.append(String.format(
                    Locale.ROOT,
                    "matmul calls with recorded shapes: %.2f GFLOP/step in %.0f ms/step = %.1f GFLOP/s, %.0f%% of the"
                            + " %.1f GFLOP/s a large square matmul reaches here: the step's matmuls are small or"
                            + " skinny, so even a step of nothing but matmul would run at %.0f%% of the ceiling%n",
                    mm[1] / steps / 1e9,
                    mm[0] / steps,
                    rate,
                    100 * rate / ceilingGflops,
                    ceilingGflops,
                    100 * rate / ceilingGflops));
            double whole = mm[1] / (total / 1e3) / 1e9;
            out.append(String.format(
                    Locale.ROOT,
                    "the whole profiled step: %.1f GFLOP/s of matmul work over all op time = %.0f%% of the ceiling%n",
                    whole,
                    100 * whole / ceilingGflops));
        }
        if (el[0] > 0) {
            double rate = el[1] / el[0] / 1e6, share = rate / streamGbs;
            out.append(String.format(
                    Locale.ROOT,
                    "element-wise calls with recorded shapes (%s): %.0f ms/step = %.0f%% of the op time, moving %.2f"
                            + " GB/step at %.1f GB/s, %.0f%% of the %.1f GB/s of one plain libtorch mul of %,d"
                            + " floats (their time-weighted size, inputs from memory) here: %s%n",
                    "mul, add, sigmoid, copy_, …",
                    el[0] / steps,
                    100 * el[0] / total,
                    el[1] / steps / 1e9,
                    rate,
                    100 * share,
                    streamGbs,
                    typicalStreamElements(),
                    share >= STREAMING_BOUND
                            ? "at the streaming rate, i.e. bound by memory traffic; only fewer passes would shorten them"
                            : "below the streaming rate, so some of their time is per-call overhead or cache misses"
                                    + " a plain op does not have"));
        }
        return out.toString();
    }

    /** The top {@code top} ops by self time, per step, with their share, then matmul against everything else. */
    public String table(int top) {
        double total = profiledMs();
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-44s  %10s  %7s  %7s  %10s  %s%n",
                "op",
                "self ms/step",
                "share",
                "cumul.",
                "calls/step",
                "rate (sized calls)"));
        double cumulative = 0;
        for (OpTime o : ops.subList(0, Math.min(top, ops.size()))) {
            cumulative += o.selfMs();
            out.append(String.format(
                    Locale.ROOT,
                    "%-44s  %10.1f  %6.1f%%  %6.1f%%  %10d  %s%n",
                    (o.matmul() ? "* " : "  ") + o.name(),
                    o.selfMs() / steps,
                    100 * o.selfMs() / total,
                    100 * cumulative / total,
                    o.calls() / steps,
                    rate(o)));
        }
        double rest = total - cumulative;
        out.append(String.format(
                Locale.ROOT,
                "%-44s  %10.1f  %6.1f%%%n",
                "  (" + Math.max(0, ops.size() - top) + " other ops)",
                rest / steps,
                100 * rest / total));
        double mm = matmulMs();
        out.append(String.format(
                Locale.ROOT,
                "matmul (* above: %s): %.0f ms/step = %.0f%% of the profiled op time; "
                        + "everything else %.0f ms/step = %.0f%%%n",
                "mm, bmm, addmm",
                mm / steps,
                100 * mm / total,
                (total - mm) / steps,
                100 * (total - mm) / total));
        out.append(String.format(
                Locale.ROOT,
                "profiled op time %.0f ms/step of %.0f ms/step wall = %.0f%%; outside the ops (Java, JNI, the "
                        + "profiler's own cost) %.0f ms/step = %.0f%%%n",
                total / steps,
                wallMs / steps,
                100 * total / wallMs,
                (wallMs - total) / steps,
                100 * (wallMs - total) / wallMs));
        if (!Double.isNaN(cpuMs))
            out.append(String.format(
                    Locale.ROOT,
                    "thread CPU %.0f ms/step (wall − CPU = waiting for a core: op times include it too)%n",
                    cpuMs / steps));
        if (topLevel > 0)
            out.append(String.format(
                    Locale.ROOT,
                    "ops per step: %d top-level (dispatched from Java, plus the autograd engine's nodes), %d "
                            + "in all%n",
                    topLevel / steps,
                    ops.stream().mapToLong(OpTime::calls).sum() / steps));
        return out.toString();
    }
}
