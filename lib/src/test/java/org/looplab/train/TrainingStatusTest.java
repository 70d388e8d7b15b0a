package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingStatusTest {
    private static final double NAN = Double.NaN;

    private static TrainingMetrics line(long step, double seconds, double loss, double evalExact, double evalCell) {
        return new TrainingMetrics(step, seconds, 1e-4, loss, loss, 0, NAN, 0, 0, 0, evalExact, evalCell, 0);
    }

    @Test
    void saysStepRateEtaLossAndTheLatestHeldOutCheck() {
        // from the first line (step 20 at 5 s) to the last (step 420 at 105 s): 400 steps / 100 s = 4 steps/s; 1,080
        // left: 270 s
        var history =
                List.of(line(20, 5, 1.9, NAN, NAN), line(200, 50, 0.8, 0.25, 0.75), line(420, 105, 0.41234, NAN, NAN));
        assertEquals(
                "step 420/1,500 · 4 steps/s · ETA 4m30s · loss 0.412 · held-out exact 25.0%, cell 75.0% (step 200)",
                TrainingStatus.line(history, 1500));
    }

    @Test
    void aSingleLineCountsFromZeroAndTheEndSaysDone() {
        assertEquals(
                "step 30/30 · 3 steps/s · done · loss 0.5 · held-out exact 99.97%, cell 100.0% (step 30)",
                TrainingStatus.line(List.of(line(30, 10, 0.5, 2999 / 3000.0, 1.0)), 30));
    }

    @Test
    void beforeTheFirstLineItIsStarting() {
        assertEquals("step 0/1,500 · starting", TrainingStatus.line(List.of(), 1500));
    }
}
