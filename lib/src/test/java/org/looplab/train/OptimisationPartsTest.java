package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimisationPartsTest {

    @Test
    void warmupRisesLinearlyThenStaysConstant() {
        var lr = new LearningRateSchedule(1e-4f, 100);
        assertEquals(0f, lr.at(0));
        assertEquals(5e-5f, lr.at(50), 1e-12);
        assertEquals(1e-4f, lr.at(100));
        assertEquals(1e-4f, lr.at(100_000));
        assertEquals(1e-4f, new LearningRateSchedule(1e-4f, 0).at(1));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0f, 10));
    }

    /**
     * The decay is the TRM code's cosine_schedule_with_warmup_lr_lambda (one half cycle), written out here in its
     * own terms: base·(r + max(0, (1 − r)·½(1 + cos(π·progress)))), progress = (t − warm-up) / (total − warm-up);
     * past the last step it stays at the floor instead of climbing back.
     */
    @Test
    void aDecayingScheduleFollowsTheReferencesCosineToItsFloor() {
        float peak = 1e-3f;
        int warm = 100;
        long total = 1100;
        for (float r : new float[] {0f, 0.1f, 0.5f}) {
            var lr = new LearningRateSchedule(peak, warm, total, r);
            assertEquals(5e-4f, lr.at(50), 1e-12); // the warm-up is unchanged
            assertEquals(peak, lr.at(100), 1e-12);
            for (int t = warm; t <= total; t += 50) {
                double progress = (double) (t - warm) / (total - warm);
                double reference = peak * (r + Math.max(0, (1 - r) * 0.5 * (1 + Math.cos(Math.PI * progress))));
                assertEquals(reference, lr.at(t), 1e-9, "step " + t + " at ratio " + r);
            }
            assertEquals(peak * (1 + r) / 2, lr.at(600), 1e-9); // halfway: the midpoint of peak and floor
            assertEquals(peak * r, lr.at(5000), 1e-9); // after the horizon: the floor, not a second cycle
            assertEquals(r, lr.decay(5000), 1e-12);
            assertEquals(1, lr.decay(warm)); // the sign-SGD factor is 1 through warm-up
        }
        var constant = new LearningRateSchedule(peak, warm, total, 1f);
        for (int t = 0; t < 3000; t += 7) assertEquals(new LearningRateSchedule(peak, warm).at(t), constant.at(t));
        var e = assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(peak, warm, total, 1.5f));
        assertTrue(e.getMessage().contains("minRatio"), e.getMessage());
    }

    /** At scale 1 the scaled sign-SGD is the plain one to the bit; at ½ it moves half as far (before decay). */
    @Test
    void signSgdAtAScheduleFactorMovesByThatFraction() {
        try (NDManager m = NDManager.newBaseManager()) {
            SignSgd sgd = new SignSgd(0.1f, 0f);
            NDArray a = m.create(new float[][] {{1f, 2f}, {3f, 4f}});
            NDArray b = a.duplicate(), c = a.duplicate();
            NDArray grad = m.create(new float[][] {{0.5f, -2f}, {0f, 0f}});
            sgd.update(a, grad.duplicate());
            sgd.update(b, grad.duplicate(), 1);
            sgd.update(c, grad.duplicate(), 0.5);
            assertArrayEquals(a.toFloatArray(), b.toFloatArray());
            assertArrayEquals(new float[] {0.95f, 2.05f, 3f, 4f}, c.toFloatArray(), 1e-6f);
            assertThrows(IllegalArgumentException.class, () -> sgd.update(c, grad, 2));
        }
    }

    @Test
    void emaFollowsTheFormulaAndDoesNotTouchTheParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {1f, 2f});
            try (var ema = new ExponentialMovingAverage(List.of(p), 0.9f, m)) {
                p.set(new float[] {3f, 4f});
                ema.update(List.of(p));
                assertArrayEquals(
                        new float[] {1.2f, 2.2f}, ema.averages().get(0).toFloatArray(), 1e-6f);
                assertArrayEquals(new float[] {3f, 4f}, p.toFloatArray());
                ema.copyInto(List.of(p));
                assertArrayEquals(new float[] {1.2f, 2.2f}, p.toFloatArray(), 1e-6f);
            }
        }
    }

    @Test
    void signSgdMovesOnlyRowsWithAGradientAndDecaysThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray table = m.create(new float[] {1f, 1f, 2f, 2f}, new Shape(2, 2));
            NDArray grad = m.create(new float[] {0.3f, -5f, 0f, 0f}, new Shape(2, 2));
            new SignSgd(0.1f, 0.5f).update(table, grad);
            // row 0: 1·(1 − 0.05) − 0.1·sign(g); row 1 untouched
            assertArrayEquals(new float[] {0.85f, 1.05f, 2f, 2f}, table.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, grad.toFloatArray(), "gradient is zeroed");
        }
    }
}
