package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.bench.OpProfile.Event;
import org.looplab.bench.OpProfile.OpTime;

/** Self time from nested trace events; numbers chosen by hand, nothing profiled. */
class OpProfileTest {
    @Test
    void aParentLosesTheTimeOfTheOpsItCalled() {
        // linear [0, 10) calls matmul [0, 7) and, on another thread, an add [2, 5) that is nobody's child
        List<OpTime> ops = OpProfile.selfTimes(List.of(
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
        OpProfile p = OpProfile.read(trace, 2, 1);
        assertEquals(1, p.ops().size());
        assertEquals(4e-3, p.matmulMs(), 1e-12);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nothing\": 1}");
        var e = assertThrows(IllegalArgumentException.class, () -> OpProfile.read(bad, 1, 1));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }

    private static double time(List<OpTime> ops, String name) {
        return ops.stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow()
                .selfMs();
    }
}
