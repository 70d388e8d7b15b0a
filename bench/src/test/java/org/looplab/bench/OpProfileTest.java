package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.bench.OpProfile.OpTime;
import org.looplab.bench.OpTrace.Event;

/** Self time from nested trace events; numbers chosen by hand, nothing profiled. */
class OpProfileTest {
    @Test
    void aParentLosesTheTimeOfTheOpsItCalled() {
        // linear [0, 10) calls matmul [0, 7) and, on another thread, an add [2, 5) that is nobody's child
        List<OpTime> ops = OpTrace.selfTimes(List.of(
                new Event("aten::linear", "1", 0, 10),
                new Event("aten::mm", "1", 0, 7),
                new Event("aten::add", "2", 2, 3),
                new Event("aten::linear", "1", 20, 4),
                new Event("aten::mm", "1", 21, 2)));
        OpProfile p = new OpProfile(ops, 1, 0.03);
        assertEquals(9e-3, time(ops, "aten::mm"), 1e-12); // µs to ms
        assertEquals(5e-3, time(ops, "aten::linear"), 1e-12); // (10 - 7) + (4 - 2)
        assertEquals(3e-3, time(ops, "aten::add"), 1e-12);
        assertEquals(17e-3, p.profiledMs(), 1e-12); // the shares add up to the traced time
        assertEquals(9e-3, p.matmulMs(), 1e-12);
        assertEquals("aten::mm", ops.get(0).name()); // largest self time first
        String table = p.table(2);
        assertTrue(table.contains("* aten::mm") && table.contains("(1 other ops)") && table.contains("53%"), table);
    }

    @Test
    void aTraceFileIsReadAndABadOneIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.json");
        Files.writeString(
                trace,
                "[{\"name\":\"aten::bmm\",\"ph\":\"X\",\"ts\":5,\"dur\":4,\"tid\":7},"
                        + "{\"name\":\"marker\",\"ph\":\"i\",\"ts\":6,\"tid\":7}]");
        OpProfile p = OpTrace.read(trace, 2, 1);
        assertEquals(1, p.ops().size());
        assertEquals(4e-3, p.matmulMs(), 1e-12);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nothing\": 1}");
        var e = assertThrows(IllegalArgumentException.class, () -> OpTrace.read(bad, 1, 1));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }

    /** FLOPs and bytes from recorded input shapes, by hand. */
    @Test
    void theCostOfACallFollowsFromItsInputShapes() {
        assertEquals(
                2.0 * 512 * 52 * 512,
                OpCost.of("aten::mm", shapes(new long[] {512, 52}, new long[] {52, 512}))
                        .flops());
        // addmm's first input is the bias; bmm multiplies a batch
        assertEquals(
                2.0 * 8 * 64 * 2,
                OpCost.of("aten::addmm", shapes(new long[] {2}, new long[] {8, 64}, new long[] {64, 2}))
                        .flops());
        assertEquals(
                2.0 * 4 * 3 * 5 * 6,
                OpCost.of("aten::bmm", shapes(new long[] {4, 3, 5}, new long[] {4, 5, 6}))
                        .flops());
        // element-wise: every input read once, one output of the largest input's size written; a scalar is 1 element
        OpCost mul = OpCost.of("aten::mul", shapes(new long[] {64, 52, 64}, new long[] {}));
        assertEquals(4.0 * (2 * 64 * 52 * 64 + 1), mul.bytes());
        assertEquals(64 * 52 * 64, mul.elements());
        assertEquals(
                4.0 * 3 * 10 * 7,
                OpCost.of("aten::add", shapes(new long[] {10, 7}, new long[] {10, 7}))
                        .bytes());
        // a concatenation's tensor list is not sized by the profiler, nor is an op without recorded shapes
        assertEquals(OpCost.UNKNOWN, OpCost.of("aten::cat", shapes(new long[] {}, new long[] {})));
        assertEquals(OpCost.UNKNOWN, OpCost.of("aten::mul", List.of()));
    }

    /** Rates per op and the bounds lines, from a hand-made trace with shapes. */
    @Test
    void ratesAndBoundsComeFromTheSizedCalls(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.json");
        // one mm of 2·1000·1000·1000 = 2 GFLOP in 20 ms (100 GFLOP/s); one mul moving 4·3·1e6 = 12 MB in 1 ms (12 GB/s)
        Files.writeString(
                trace,
                "[{\"name\":\"aten::mm\",\"ph\":\"X\",\"ts\":0,\"dur\":20000,\"tid\":1,"
                        + "\"shape\":[[1000,1000],[1000,1000]]},"
                        + "{\"name\":\"aten::mul\",\"ph\":\"X\",\"ts\":30000,\"dur\":1000,\"tid\":1,"
                        + "\"shape\":[[1000,1000],[1000,1000]]},"
                        + "{\"name\":\"aten::cat\",\"ph\":\"X\",\"ts\":40000,\"dur\":500,\"tid\":1,"
                        + "\"shape\":[[],[]]}]");
        OpProfile p = OpTrace.read(trace, 1, 25);
        assertEquals(100, op(p, "aten::mm").gflops(), 1e-9);
        assertEquals(12, op(p, "aten::mul").gbPerSecond(), 1e-9);
        assertTrue(Double.isNaN(op(p, "aten::cat").gbPerSecond()));
        assertEquals(1_000_000, p.typicalStreamElements());
        String table = p.table(3);
        assertTrue(table.contains("100.0 GFLOP/s") && table.contains("12.0 GB/s"), table);
        // against a 200 GFLOP/s ceiling and a 15 GB/s stream: matmul at 50%, element-wise at 80% (memory-bound)
        String bounds = p.bounds(200, 15);
        assertTrue(bounds.contains("100.0 GFLOP/s, 50% of the 200.0 GFLOP/s"), bounds);
        assertTrue(bounds.contains("at 12.0 GB/s, 80% of the 15.0 GB/s") && bounds.contains("bound by memory"), bounds);
        // whole step: 2 GFLOP over 21.5 ms of op time = 93.0 GFLOP/s
        assertTrue(bounds.contains("93.0 GFLOP/s of matmul work"), bounds);
        assertTrue(p.bounds(200, 40).contains("below the streaming rate"), p.bounds(200, 40));
    }

    /** Times from the plain pass, sizes from the shape pass; an op seen a different number of times stays unsized. */
    @Test
    void theTimedPassTakesItsSizesFromTheShapePass() {
        OpProfile timed = new OpProfile(
                List.of(
                        new OpTime("aten::mm", 10, 1, true),
                        new OpTime("aten::mul", 4, 2, false),
                        new OpTime("aten::add", 1, 3, false)),
                1,
                20);
        OpProfile shapes = new OpProfile(
                List.of(
                        // the shape pass ran slower; half of mul's time was in calls it could size
                        new OpTime("aten::mm", 20, 1, true, 2e9, 0, 20, 0),
                        new OpTime("aten::mul", 16, 2, false, 0, 48e6, 8, 8 * 1e6),
                        new OpTime("aten::add", 3, 4, false, 0, 12e6, 3, 3 * 1e6)),
                1,
                40);
        OpProfile p = timed.sizedBy(shapes);
        assertEquals(200, op(p, "aten::mm").gflops(), 1e-9); // 2 GFLOP in the timed pass's 10 ms
        assertEquals(2, op(p, "aten::mul").sizedMs(), 1e-12); // half of 4 ms
        assertEquals(24, op(p, "aten::mul").gbPerSecond(), 1e-9); // 48 MB in 2 ms
        assertEquals(1_000_000, p.typicalStreamElements());
        assertTrue(Double.isNaN(op(p, "aten::add").gbPerSecond())); // 3 calls against 4: not paired
        assertEquals(15, p.profiledMs(), 1e-12); // the times are the timed pass's
    }

    private static List<long[]> shapes(long[]... inputs) {
        return List.of(inputs);
    }

    private static OpTime op(OpProfile p, String name) {
        return p.ops().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static double time(List<OpTime> ops, String name) {
        return ops.stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow()
                .selfMs();
    }
}
