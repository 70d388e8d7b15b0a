package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.looplab.train.TrainingMetrics;

/** The live training chart: which series it draws, from which metrics, at which steps; NaN values are no points. */
class TrainingCurvesTest {
    static final double NAN = Double.NaN;
    // step, seconds, lr, loss, answer, halt, continue, trainExact, haltedExact, haltedSteps, evalExact, evalCell
    static final TrainingMetrics A = new TrainingMetrics(5, 1, 1e-3, 2, 1.9, 0.2, NAN, 0, NAN, NAN, NAN, NAN, 0);
    static final TrainingMetrics B = new TrainingMetrics(10, 2, 1e-3, 1, 0.9, 0.2, NAN, 0.3, 0.5, 3, 0.4, 0.8, 1);

    /** Series name to its points, each point as {step, value}. */
    static Map<String, double[][]> points(XYChart chart) {
        Map<String, double[][]> m = new TreeMap<>();
        chart.getSeriesMap().forEach((name, s) -> m.put(name, new double[][] {s.getXData(), s.getYData()}));
        return m;
    }

    @Test
    void lossesOnTheLeftAccuraciesOnTheRightEveryPointFromItsMetric() {
        List<XYChart> charts = TrainingCurves.charts(List.of(A, B), "test");
        assertEquals("test: loss", charts.get(0).getTitle());
        assertEquals("test: accuracy", charts.get(1).getTitle());
        Map<String, double[][]> loss = points(charts.get(0));
        // continue (BCE) is NaN at every step (a TRM has no continue head), so it is left out, not drawn at 0.
        assertEquals(List.of("answer (stable-max CE)", "halt (BCE)", "total"), List.copyOf(loss.keySet()));
        assertArrayEquals(new double[][] {{5, 10}, {2, 1}}, loss.get("total"));
        assertArrayEquals(new double[][] {{5, 10}, {1.9, 0.9}}, loss.get("answer (stable-max CE)"));
        Map<String, double[][]> acc = points(charts.get(1));
        // Held-out checks and halted slots exist only at step 10: one point each, not a line through step 5.
        assertArrayEquals(new double[][] {{10}, {0.4}}, acc.get("held-out exact"));
        assertArrayEquals(new double[][] {{10}, {0.8}}, acc.get("held-out cell"));
        assertArrayEquals(new double[][] {{10}, {0.5}}, acc.get("train, halted slots"));
        assertEquals(3, acc.size());
    }

    @Test
    void theFirstFrameOfALivePlotHasNoSeriesAndStillDraws() {
        assertTrue(TrainingCurves.charts(List.of(), "").stream()
                .allMatch(c -> c.getSeriesMap().isEmpty()));
        var img = TrainingCurves.png(List.of());
        assertEquals(960, img.getWidth(), "two 480-pixel charts side by side");
        assertEquals(360, img.getHeight());
    }
}
