package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingPlanTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aPhaseRunsItsStepsThenOnUntilItsSecondsAreUpAndNoFurtherThanTheCap() {
        assertTrue(TimingPlan.goesOn(2, 3, 0, 0, 10 * SECOND), "steps first, whatever the clock");
        assertFalse(TimingPlan.goesOn(3, 3, 0, 0, 0), "no seconds: the steps alone");
        assertTrue(TimingPlan.goesOn(3, 3, 5, 0, 4 * SECOND));
        assertFalse(TimingPlan.goesOn(3, 3, 5, 0, 5 * SECOND));
        assertFalse(TimingPlan.goesOn(3 + TimingPlan.MAX_TIMED_STEPS, 3, 5, 0, 1), "capped");
    }

    @Test
    void itHandsItselfToAChildAndSaysWhatItIs() {
        TimingPlan p = new TimingPlan(1, 5, 3, 2);
        assertEquals(
                List.of("--warmup", "1", "--steps", "3", "--warmup-seconds", "5.0", "--measure-seconds", "2.0"),
                p.arguments());
        assertEquals("5 s (≥ 1 step) warm-up + 2 s (≥ 3 steps) measured", p.describe());
        assertEquals(
                "2 steps warm-up + 8 steps measured", TimingPlan.steps(2, 8).describe());
    }

    @Test
    void runTimesTheMeasuredUnitsOnlyAndCountsTheWarmUp() {
        int[] calls = {0};
        var seen = new java.util.ArrayList<Integer>();
        TimingPlan.Timed t = TimingPlan.steps(2, 3).run(() -> ++calls[0], seen::add);
        assertEquals(5, calls[0]);
        assertEquals(List.of(1, 2, 3, 4, 5), seen);
        assertEquals(2, t.warmup());
        assertEquals(3, t.ms().length);
        assertEquals(1.0, t.first());
        assertEquals(5.0, t.last());
        assertTrue(t.fromNs() <= t.toNs());
        assertEquals(2.0, new TimingPlan.Timed(0, new double[] {3, 1, 2}, 0, 0, 0, 0).medianMs());
        assertEquals(2.5, new TimingPlan.Timed(0, new double[] {4, 1, 2, 3}, 0, 0, 0, 0).medianMs());
    }

    @Test
    void badCountsOrSecondsAreRefusedNamingThem() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TimingPlan(1, -1, 3, 0));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TimingPlan(1, 0, 0, 0));
    }
}
