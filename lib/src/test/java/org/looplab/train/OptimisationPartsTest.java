package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimisationPartsTest {

    @Test
    void warmupRisesLinearlyThenStaysConstant() {
        var lr = new WarmupSchedule(1e-4f, 100);
        assertEquals(0f, lr.at(0));
        assertEquals(5e-5f, lr.at(50), 1e-12);
        assertEquals(1e-4f, lr.at(100));
        assertEquals(1e-4f, lr.at(100_000));
        assertEquals(1e-4f, new WarmupSchedule(1e-4f, 0).at(1));
        assertThrows(IllegalArgumentException.class, () -> new WarmupSchedule(0f, 10));
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
