package org.looplab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.looplab.provenance.Json;

/**
 * Where the time of profiled training steps went, op by op: libtorch's own profiler (reached through DJL's
 * {@code JniUtils.startProfile}/{@code stopProfile}) writes a Chrome trace of every aten op with its wall time; this
 * turns it into <b>self</b> time per op name (an op's time minus the ops it called), so the shares add up to the
 * profiled total and a wrapper such as {@code aten::linear} does not count its matmul twice.
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

    /** One op name: total self time over the trace, call count, and whether it is a matmul. */
    public record OpTime(String name, double selfMs, long calls, boolean matmul) {}

    public double profiledMs() {
        return ops.stream().mapToDouble(OpTime::selfMs).sum();
    }

    public double matmulMs() {
        return ops.stream().filter(OpTime::matmul).mapToDouble(OpTime::selfMs).sum();
    }

    /** Reads a trace written by libtorch's profiler; the error names the file. */
    public static OpProfile read(Path trace, int steps, double wallMs) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(trace));
        } catch (IOException e) {
            throw new UncheckedIOException(trace + ": cannot read the profiler trace", e);
        }
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        if (!events.isArray()) throw new IllegalArgumentException(trace + ": no trace events (not a Chrome trace)");
        List<Event> list = new ArrayList<>();
        for (JsonNode e : events) {
            if (!"X".equals(e.path("ph").asText()) || !e.has("dur")) continue;
            list.add(new Event(
                    e.path("name").asText(),
                    e.path("tid").asText(),
                    e.path("ts").asDouble(),
                    e.path("dur").asDouble()));
        }
        return new OpProfile(selfTimes(list), steps, wallMs, Double.NaN, topLevel(list));
    }

    /** Events not inside another event of their thread (time nesting, as in {@link #selfTimes}). */
    static long topLevel(List<Event> events) {
        Map<String, List<Event>> byThread = new HashMap<>();
        for (Event e : events)
            byThread.computeIfAbsent(e.thread(), t -> new ArrayList<>()).add(e);
        long count = 0;
        for (List<Event> thread : byThread.values()) {
            thread.sort(
                    Comparator.comparingDouble(Event::start).thenComparing(Event::duration, Comparator.reverseOrder()));
            double openUntil = Double.NEGATIVE_INFINITY;
            for (Event e : thread) {
                if (e.start() >= openUntil) count++;
                openUntil = Math.max(openUntil, e.end());
            }
        }
        return count;
    }

    /** One complete event: name, thread, start and duration in µs. */
    record Event(String name, String thread, double start, double duration) {
        double end() {
            return start + duration;
        }
    }

    /**
     * Self time per op name: on each thread, events nest by time (an op calls the ops that run inside its span),
     * so a stack over the events in start order finds each one's parent, which loses that child's duration.
     */
    static List<OpTime> selfTimes(List<Event> events) {
        Map<String, double[]> byName = new HashMap<>(); // name -> {self µs, calls}
        Map<String, List<Event>> byThread = new HashMap<>();
        for (Event e : events)
            byThread.computeIfAbsent(e.thread(), t -> new ArrayList<>()).add(e);
        for (List<Event> thread : byThread.values()) {
            // Longer first on a tie: a parent that starts in the same µs as its first child encloses it.
            thread.sort(
                    Comparator.comparingDouble(Event::start).thenComparing(Event::duration, Comparator.reverseOrder()));
            Deque<Event> open = new ArrayDeque<>();
            Map<Event, double[]> self = new HashMap<>();
            for (Event e : thread) {
                while (!open.isEmpty() && open.peek().end() <= e.start()) open.pop();
                if (!open.isEmpty()) self.get(open.peek())[0] -= e.duration();
                self.put(e, new double[] {e.duration()});
                open.push(e);
            }
            self.forEach((e, s) -> {
                double[] acc = byName.computeIfAbsent(e.name(), n -> new double[2]);
                acc[0] += Math.max(0, s[0]);
                acc[1]++;
            });
        }
        List<OpTime> out = new ArrayList<>();
        byName.forEach((n, a) -> out.add(new OpTime(n, a[0] / 1e3, (long) a[1], MATMUL_OPS.contains(n))));
        out.sort(Comparator.comparingDouble(OpTime::selfMs).reversed());
        return out;
    }

    /** The top {@code top} ops by self time, per step, with their share, then matmul against everything else. */
    public String table(int top) {
        double total = profiledMs();
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT, "%-44s  %10s  %7s  %7s  %s%n", "op", "self ms/step", "share", "cumul.", "calls/step"));
        double cumulative = 0;
        for (OpTime o : ops.subList(0, Math.min(top, ops.size()))) {
            cumulative += o.selfMs();
            out.append(String.format(
                    Locale.ROOT,
                    "%-44s  %10.1f  %6.1f%%  %6.1f%%  %d%n",
                    (o.matmul() ? "* " : "  ") + o.name(),
                    o.selfMs() / steps,
                    100 * o.selfMs() / total,
                    100 * cumulative / total,
                    o.calls() / steps));
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
