package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.train.TrainingMetrics;

class TrainingCurvesTest {
    @Test
    void drawsAnEmptyHistoryAndOneWithHeldOutPoints() {
        assertTrue(TrainingCurves.png(List.of()).getWidth() > 0, "the first frame of a live plot has no data");
        var a = new TrainingMetrics(
                5, 1, 1e-3, 2, 1.9, 0.2, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        var b = new TrainingMetrics(10, 2, 1e-3, 1, 0.9, 0.2, Double.NaN, 0.3, 0.5, 3, 0.4, 0.8, 1);
        var img = TrainingCurves.png(List.of(a, b), "test");
        assertTrue(img.getWidth() >= 960 && img.getHeight() > 0);
    }
}
