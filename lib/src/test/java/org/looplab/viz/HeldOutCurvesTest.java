package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.looplab.train.TrainingMetrics;

class HeldOutCurvesTest {
    private static TrainingMetrics line(long step, double seconds, double evalExact) {
        double nan = Double.NaN;
        return new TrainingMetrics(step, seconds, 1e-3, 1, 1, 0, nan, 0, 0, 16, evalExact, nan, 0);
    }

    @Test
    void plotsOnlyTheHeldOutChecksAgainstHours() {
        Map<String, List<TrainingMetrics>> runs = new LinkedHashMap<>();
        runs.put("afternoon", List.of(line(100, 1800, Double.NaN), line(500, 3600, 0.25), line(1000, 9000, 0.5)));
        runs.put("not checked yet", List.of(line(100, 60, Double.NaN)));
        XYChart c = HeldOutCurves.chart(runs);
        assertEquals(List.of("afternoon"), List.copyOf(c.getSeriesMap().keySet()), "a run without a check is left out");
        var s = c.getSeriesMap().get("afternoon");
        assertArrayEquals(new double[] {1.0, 2.5}, s.getXData(), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.5}, s.getYData(), 1e-12);
        assertEquals(720, HeldOutCurves.png(runs).getWidth());
    }
}
