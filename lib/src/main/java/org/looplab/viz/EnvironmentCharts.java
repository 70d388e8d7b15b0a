package org.looplab.viz;

import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.looplab.train.MatmulProbe;

/** Pictures for the lab's self-check notebook. */
public final class EnvironmentCharts {
    private EnvironmentCharts() {}

    /** Matmul GFLOP/s against matrix size: what this machine can give a training step at best. */
    public static BufferedImage matmulThroughput(List<MatmulProbe.Result> results, String device) {
        XYChart chart = new XYChartBuilder()
                .width(640)
                .height(360)
                .title("float32 matmul on " + device)
                .xAxisTitle("n (n×n · n×n)")
                .yAxisTitle("GFLOP/s")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(
                        "GFLOP/s",
                        results.stream().mapToDouble(MatmulProbe.Result::n).toArray(),
                        results.stream().mapToDouble(MatmulProbe.Result::gflops).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        return Charts.png(chart);
    }
}
