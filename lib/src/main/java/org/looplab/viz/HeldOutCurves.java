package org.looplab.viz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.looplab.train.TrainingMetrics;

/**
 * Held-out exact accuracy against hours of training, one series per run: how far a budget gets. Hours rather than
 * steps because runs of different size (width, n, T, batch) cost different time per step, and the question a laptop
 * user asks is "what does an afternoon buy". The hours are the run's recorded training wall time (across resumes,
 * evaluation pauses left out); the lab's CPU runs use one libtorch thread, so for them a wall hour is a CPU-hour.
 */
public final class HeldOutCurves {
    private HeldOutCurves() {}

    /** One series per entry, in the map's order; a run without a held-out check yet is left out of the chart. */
    public static XYChart chart(Map<String, List<TrainingMetrics>> runs) {
        XYChart c = new XYChartBuilder()
                .width(720)
                .height(400)
                .title("held-out exact accuracy against training time")
                .xAxisTitle("hours of training")
                .yAxisTitle("held-out exact (EMA weights, all N_sup steps)")
                .build();
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        runs.forEach((name, history) -> {
            List<Double> hours = new ArrayList<>(), exact = new ArrayList<>();
            for (TrainingMetrics m : history) {
                if (!m.evaluated()) continue;
                hours.add(m.seconds() / 3600);
                exact.add(m.evalExact());
            }
            if (hours.isEmpty()) return; // XChart refuses an empty series
            XYSeries s = c.addSeries(name, hours, exact);
            s.setMarker(SeriesMarkers.CIRCLE);
        });
        return c;
    }

    public static BufferedImage png(Map<String, List<TrainingMetrics>> runs) {
        return Charts.png(chart(runs));
    }
}
