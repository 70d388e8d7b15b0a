package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.bench.StepBenchTable.MemoryRow;
import org.looplab.bench.StepBenchTable.SpeedRow;
import org.looplab.bench.StepBenchTable.Verdict;
import org.looplab.model.Mixer;

/** The verdicts come from given numbers; nothing here is timed. */
class StepBenchTableTest {
    private static final double STEP_FLOP = 200e9; // 200 GFLOP per step: 2000 ms is 100 GFLOP/s

    private static StepReport report(String side, Mixer mixer, long params, double ms, double rssAt, double rssEnd) {
        return new StepReport(
                side,
                mixer,
                64,
                3,
                20,
                params,
                ms,
                ms * 0.9,
                ms * 1.1,
                2.5,
                2.4,
                3,
                rssAt,
                rssAt + 50, // the peak so far sits above VmRSS and never falls
                rssEnd,
                Math.max(rssAt, rssEnd) + 50,
                2,
                150,
                side + " test runtime",
                0,
                0);
    }

    @Test
    void speedUpAndCeilingAreJudgedAgainstTheirTargets() {
        StepReport djl = report("djl", Mixer.ATTENTION, 527_362, 2000, 1000, 1000);
        // 3500 / 2000 = 1.75x >= 1.2; 100 GFLOP/s of 160 = 62.5% >= 60%
        SpeedRow fast = new SpeedRow(djl, report("pytorch", Mixer.ATTENTION, 527_362, 3500, 1, 1), STEP_FLOP, 160);
        assertEquals(1.75, fast.speedup(), 1e-12);
        assertEquals(Verdict.PASS, fast.speedVerdict());
        assertEquals(0.625, fast.ceilingFraction(), 1e-12);
        assertEquals(Verdict.PASS, fast.ceilingVerdict());
        assertTrue(fast.paramsMatch());
        // 2200 / 2000 = 1.1x; 100 of 200 = 50%
        SpeedRow slow = new SpeedRow(djl, report("pytorch", Mixer.ATTENTION, 527_362, 2200, 1, 1), STEP_FLOP, 200);
        assertEquals(Verdict.MISS, slow.speedVerdict());
        assertEquals(Verdict.MISS, slow.ceilingVerdict());
        // exactly on the target passes: "at least 1.2x"
        assertEquals(
                Verdict.PASS,
                new SpeedRow(djl, report("pytorch", Mixer.ATTENTION, 527_362, 2400, 1, 1), STEP_FLOP, 1)
                        .speedVerdict());
    }

    @Test
    void tableShowsVerdictsAndWhetherTheModelsMatch() {
        StepReport djl = report("djl", Mixer.MLP, 694_274, 2000, 1000, 1000);
        String same = StepBenchTable.speedTable(
                List.of(new SpeedRow(djl, report("pytorch", Mixer.MLP, 694_274, 3500, 1, 1), STEP_FLOP, 160)));
        assertTrue(same.contains("694274 = 694274"), same);
        assertTrue(same.contains("1.75×") && same.contains("63%") && !same.contains("MISS"), same); // 62.5% rounds up
        assertTrue(same.contains("1800–2200 | 3150–3850"), same); // the spread: fastest–slowest step of each side
        String other = StepBenchTable.speedTable(
                List.of(new SpeedRow(djl, report("pytorch", Mixer.MLP, 694_275, 2200, 1, 1), STEP_FLOP, 160)));
        assertTrue(other.contains("694274 ≠ 694275") && other.contains("MISS"), other);
    }

    @Test
    void withoutPytorchOnlyTheCeilingIsJudged() {
        SpeedRow alone = new SpeedRow(report("djl", Mixer.ATTENTION, 527_362, 2000, 1, 1), null, STEP_FLOP, 120);
        assertEquals(Verdict.NOT_RUN, alone.speedVerdict());
        assertNull(alone.paramsMatch());
        assertEquals(Verdict.PASS, alone.ceilingVerdict()); // 100 of 120 GFLOP/s
        String table = StepBenchTable.speedTable(List.of(alone));
        assertTrue(table.contains("527362 | —") && table.contains("PASS"), table);
    }

    @Test
    void aRowNeedsMatchingSidesAndMixers() {
        StepReport djl = report("djl", Mixer.ATTENTION, 1, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new SpeedRow(djl, djl, 1, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SpeedRow(djl, report("pytorch", Mixer.MLP, 1, 1, 1, 1), 1, 1));
    }

    @Test
    void memoryGrowthOfAtMostThreePercentPasses() {
        MemoryRow flat = new MemoryRow(report("djl", Mixer.MLP, 1, 1, 400, 412)); // +3%: on the target passes
        MemoryRow growing = new MemoryRow(report("djl", Mixer.MLP, 1, 1, 400, 440)); // +10%
        MemoryRow shrinking = new MemoryRow(report("djl", Mixer.MLP, 1, 1, 400, 380)); // -5%
        assertEquals(0.03, flat.growthFraction(), 1e-12);
        assertEquals(Verdict.PASS, flat.verdict());
        assertEquals(Verdict.MISS, growing.verdict());
        assertEquals(Verdict.PASS, shrinking.verdict());
        String table = StepBenchTable.memoryTable(List.of(flat, growing));
        assertTrue(table.contains("+12") && table.contains("+3.0%") && table.contains("+10.0%"), table);
        assertTrue(table.contains("PASS") && table.contains("MISS"), table);
    }

    @Test
    void aPeakThatGrewMissesEvenWhenVmRssEndsFlat() {
        // VmRSS 400 -> 404 (+1%), but the peak 420 -> 460 (+9.5%): memory went up and came back between the readings
        StepReport r = new StepReport(
                "djl", Mixer.MLP, 64, 0, 1000, 1, 1, 1, 1, 2, 2, 300, 400, 420, 404, 460, 1, 0, "x", 0, 0);
        MemoryRow row = new MemoryRow(r);
        assertEquals(0.01, row.growthFraction(), 1e-12);
        assertEquals(40 / 420.0, row.peakGrowthFraction(), 1e-12);
        assertEquals(Verdict.MISS, row.verdict());
        assertTrue(StepBenchTable.memoryTable(List.of(row)).contains("+9.5%"));
    }

    @Test
    void memoryReadAtTheLastStepIsNotJudged() {
        // 3 warm-up + 20 steps, early reading after step 23: there is nothing to compare it with
        StepReport r =
                new StepReport("djl", Mixer.MLP, 2, 3, 20, 1, 1, 1, 1, 2, 2, 23, 400, 410, 400, 410, 1, 0, "x", 0, 0);
        assertEquals(Verdict.NOT_RUN, new MemoryRow(r).verdict());
    }

    @Test
    void aReportRoundTripsThroughItsJsonLine() {
        StepReport r = report("pytorch", Mixer.MLP, 694_274, 1234.5, 300, 310);
        String line = r.toJsonLine();
        assertTrue(!line.contains("\n"), line);
        assertEquals(r, StepReport.parse(line, "test"));
    }

    @Test
    void aBadLineNamesTheSourceAndTheField() {
        String good = report("pytorch", Mixer.MLP, 1, 10, 1, 1).toJsonLine();
        var missing = assertThrows(
                IllegalArgumentException.class,
                () -> StepReport.parse(good.replaceFirst("\"medianMs\":[0-9.]+,", ""), "trm_step.py --mixer mlp"));
        assertTrue(
                missing.getMessage().contains("trm_step.py --mixer mlp")
                        && missing.getMessage().contains("medianMs"),
                missing.getMessage());
        var typo = assertThrows(
                IllegalArgumentException.class,
                () -> StepReport.parse(good.replace("\"peakRssMb\"", "\"peakRssMB\""), "x"));
        assertTrue(typo.getMessage().contains("peakRssMb"), typo.getMessage()); // the field it needed
        var negative = assertThrows(
                IllegalArgumentException.class,
                () -> StepReport.parse(good.replaceFirst("\"medianMs\":[0-9.]+", "\"medianMs\":-1"), "x"));
        assertTrue(negative.getMessage().contains("medianMs must be a positive time, was -1"), negative.getMessage());
        var mixer = assertThrows(
                IllegalArgumentException.class, () -> StepReport.parse(good.replace("\"MLP\"", "\"CONV\""), "x"));
        assertTrue(mixer.getMessage().contains("CONV"), mixer.getMessage());
    }
}
