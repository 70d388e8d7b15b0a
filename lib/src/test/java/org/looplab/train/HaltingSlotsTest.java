package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HaltingSlotsTest {
    final AtomicInteger counter = new AtomicInteger();

    @Test
    void firstStepFillsEverySlotInOrder() {
        var slots = new HaltingSlots(3, 4, 0.0, new Random(1));
        assertArrayEquals(new boolean[] {true, true, true}, slots.beginStep(counter::getAndIncrement));
        assertArrayEquals(new int[] {0, 1, 2}, slots.puzzles());
    }

    @Test
    void positiveLogitHaltsAndTheSlotIsRefilledNextStep() {
        var slots = new HaltingSlots(3, 4, 0.0, new Random(1));
        slots.beginStep(counter::getAndIncrement);
        assertArrayEquals(new boolean[] {false, true, false}, slots.endStep(new float[] {-1f, 0.5f, 0f}));
        assertArrayEquals(new boolean[] {false, true, false}, slots.beginStep(counter::getAndIncrement));
        assertArrayEquals(new int[] {0, 3, 2}, slots.puzzles(), "only the halted slot takes a new puzzle");
        slots.endStep(new float[] {-1f, -1f, -1f});
        assertArrayEquals(new int[] {2, 1, 2}, slots.steps(), "the refilled slot counts from zero again");
    }

    @Test
    void everySlotHaltsAtMaxSteps() {
        var slots = new HaltingSlots(2, 3, 0.0, new Random(1));
        float[] never = {-5f, -5f};
        for (int step = 1; step <= 3; step++) {
            slots.beginStep(counter::getAndIncrement);
            boolean[] halted = slots.endStep(never);
            assertEquals(step == 3, halted[0], "step " + step);
            assertEquals(step == 3, halted[1], "step " + step);
        }
    }

    @Test
    void explorationDelaysHaltingUntilTheDrawnMinimum() {
        var slots = new HaltingSlots(64, 16, 1.0, new Random(7)); // every slot explores
        slots.beginStep(counter::getAndIncrement);
        int[] min = slots.minSteps();
        for (int m : min) assertTrue(m >= 2 && m <= 16, "minimum drawn from 2..16, was " + m);
        float[] always = new float[64];
        java.util.Arrays.fill(always, 3f);
        int[] firstHalt = new int[64];
        for (int step = 1; step <= 16; step++) {
            boolean[] halted = slots.endStep(always); // no beginStep: the same puzzles keep counting
            for (int s = 0; s < 64; s++) if (halted[s] && firstHalt[s] == 0) firstHalt[s] = step;
        }
        assertArrayEquals(min, firstHalt, "a wanting-to-stop slot halts exactly at its drawn minimum");
    }

    @Test
    void withoutExplorationEveryFloorIsOne() {
        var slots = new HaltingSlots(32, 16, 0.0, new Random(3));
        slots.beginStep(counter::getAndIncrement);
        for (int m : slots.minSteps()) assertEquals(1, m);
    }

    @Test
    void explorationRateIsAboutTheRequestedShare() {
        var slots = new HaltingSlots(10_000, 16, 0.1, new Random(11));
        slots.beginStep(counter::getAndIncrement);
        long exploring =
                java.util.Arrays.stream(slots.minSteps()).filter(m -> m > 1).count();
        assertEquals(1000, exploring, 100);
    }

    @Test
    void wrongNumberOfLogitsIsAnError() {
        var slots = new HaltingSlots(2, 4, 0.0, new Random(1));
        slots.beginStep(counter::getAndIncrement);
        assertThrows(IllegalArgumentException.class, () -> slots.endStep(new float[3]));
    }
}
