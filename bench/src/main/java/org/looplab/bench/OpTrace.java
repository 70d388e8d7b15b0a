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
import java.util.Map;
import org.looplab.bench.OpProfile.OpTime;
import org.looplab.provenance.Json;

/**
 * Reads the Chrome trace libtorch's profiler writes ({@code JniUtils.stopProfile}): one complete event per op call
 * with its thread, start and duration (and input shapes when recorded), turned into self time per op name for an
 * {@link OpProfile}.
 */
final class OpTrace {
    private OpTrace() {}

    /** Reads a trace written by libtorch's profiler; the error names the file. */
    static OpProfile read(Path trace, int steps, double wallMs) {
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
                    e.path("dur").asDouble(),
                    shapes(e.path("shape"))));
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

    /** The input shapes of an event (libtorch writes them when the profile records shapes), empty if none. */
    static List<long[]> shapes(JsonNode shape) {
        List<long[]> out = new ArrayList<>();
        if (!shape.isArray()) return out;
        for (JsonNode input : shape) {
            if (!input.isArray()) return List.of();
            long[] dims = new long[input.size()];
            for (int i = 0; i < dims.length; i++) dims[i] = input.get(i).asLong();
            out.add(dims);
        }
        return out;
    }

    /** One complete event: name, thread, start and duration in µs, and its inputs' shapes (empty: not recorded). */
    record Event(String name, String thread, double start, double duration, List<long[]> shapes) {
        Event(String name, String thread, double start, double duration) {
            this(name, thread, start, duration, List.of());
        }

        double end() {
            return start + duration;
        }
    }

    /**
     * Self time per op name: on each thread, events nest by time (an op calls the ops that run inside its span),
     * so a stack over the events in start order finds each one's parent, which loses that child's duration.
     */
    static List<OpTime> selfTimes(List<Event> events) {
        Map<String, double[]> byName =
                new HashMap<>(); // name -> {self µs, calls, FLOPs, bytes, sized self µs, µs × elements}
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
                double[] acc = byName.computeIfAbsent(e.name(), n -> new double[6]);
                double t = Math.max(0, s[0]);
                acc[0] += t;
                acc[1]++;
                OpCost cost = OpCost.of(e.name(), e.shapes());
                if (cost.flops() > 0 || cost.bytes() > 0) {
                    acc[2] += cost.flops();
                    acc[3] += cost.bytes();
                    acc[4] += t;
                    acc[5] += t * cost.elements();
                }
            });
        }
        List<OpTime> out = new ArrayList<>();
        byName.forEach((n, a) -> out.add(new OpTime(
                n, a[0] / 1e3, (long) a[1], OpProfile.MATMUL_OPS.contains(n), a[2], a[3], a[4] / 1e3, a[5] / 1e3)));
        out.sort(Comparator.comparingDouble(OpTime::selfMs).reversed());
        return out;
    }
}
