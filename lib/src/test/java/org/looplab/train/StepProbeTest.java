package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import tech.tablesaw.api.Table;

class StepProbeTest {
    @Test
    void countsTheMatmulsOfOneStepByHand() {
        StepProbe.Size smoke = StepProbe.labSizes(Profile.SMOKE).get(0);
        // 4×4 (16 cells + 16 prefix = 32 positions), hidden 32, MLP, 2 layers, n 1, T 1, batch 8. Inner widths:
        // round(4·32·2/3) = 85 → 256 for the channel SwiGLU, and the same 256 across the 32 positions.
        assertEquals(32, smoke.sequenceLength());
        double channel = 2.0 * 8 * 32 * (32 * 2 * 256 + 256 * 32); // gate_up then down, over every position
        double mixer = 2.0 * 8 * 32 * (32 * 2 * 256 + 256 * 32); // the same shapes across positions, per channel
        double perNetCall = 2 * (channel + mixer);
        // forward: T(n+1) = 2 net calls; backward of the last round's n+1 = 2 calls at twice the work each
        assertEquals(perNetCall * (2 + 4), StepProbe.matmulFlops(smoke.model(), 8, 32), 1e-6);
    }

    @Test
    void timesTheRealStepAndTabulatesItBesideTheCeiling() {
        StepProbe.Size smoke = StepProbe.labSizes(Profile.SMOKE).get(0);
        StepProbe.Result r = StepProbe.measure(smoke, 1, 3);
        assertTrue(r.medianMs() > 0 && Double.isFinite(r.medianMs()), "ms " + r.medianMs());
        assertTrue(r.parameters() > 0);
        assertEquals(3, r.steps());
        Table t = StepProbe.table(List.of(r), 100);
        assertEquals(1, t.rowCount());
        assertEquals(8, t.intColumn("batch").get(0));
        assertEquals(
                Math.round(100 * r.gflops() / 100),
                t.doubleColumn("% of matmul ceiling").get(0),
                1e-9);
        assertThrows(IllegalArgumentException.class, () -> StepProbe.measure(smoke, 0, 0));
    }

    @Test
    void theLabSizesAreTheCheckpointsAndTheScienceRuns() {
        List<StepProbe.Size> cpu = StepProbe.labSizes(Profile.CPU);
        assertEquals(2, cpu.size());
        assertEquals(9, cpu.get(0).side());
        assertEquals(64, cpu.get(0).model().hiddenSize());
        assertEquals(64, cpu.get(0).batch());
        assertEquals(1, cpu.get(0).model().latentSteps());
        assertEquals(1, cpu.get(0).model().recursions());
        assertEquals(6, cpu.get(1).side());
        assertEquals(32, cpu.get(1).batch());
    }
}
