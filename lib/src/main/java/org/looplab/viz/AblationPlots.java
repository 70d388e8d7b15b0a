package org.looplab.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.looplab.sweep.SweepSummary;
import org.looplab.sweep.SweepTable;
import org.looplab.train.MetricsLog;
import org.looplab.train.TrainingMetrics;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The attention-vs-MLP ablation's pictures, drawn from sweep summaries ({@code SweepSummary.of}: one row per
 * configuration with exact_mean and exact_sd over seeds). Error bars are one standard deviation over seeds: with
 * three seeds they say how noisy a cell is, not a confidence interval.
 */
public final class AblationPlots {
    private AblationPlots() {}

    /** Held-out exact accuracy per task, one bar per mixer, with error bars. */
    public static BufferedImage byMixer(Table summary) {
        return byMixer(summary, "exact");
    }

    /** Held-out {@code metric} ("exact" or "cell") per task, one bar per mixer, with error bars. */
    public static BufferedImage byMixer(Table summary, String metric) {
        CategoryChart c = new CategoryChartBuilder()
                .width(640)
                .height(400)
                .title("held-out " + metric + " accuracy by mixer")
                .xAxisTitle("task")
                .yAxisTitle(metric + " accuracy (mean ± sd over seeds)")
                .build();
        style(c.getStyler());
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        List<String> tasks = new ArrayList<>(
                new java.util.LinkedHashSet<>(summary.stringColumn("task").asList()));
        for (String mixer : new TreeSet<>(summary.stringColumn("mixer").asList())) {
            List<Double> y = new ArrayList<>(), err = new ArrayList<>();
            for (String task : tasks) {
                Row r = SweepSummary.find(summary, task, mixer);
                y.add(r == null ? 0 : r.getDouble(metric + "_mean"));
                err.add(r == null ? 0 : r.getDouble(metric + "_sd"));
            }
            c.addSeries(mixer, tasks, y, err);
        }
        return Charts.png(c);
    }

    /** Held-out exact accuracy against a numeric factor column ("depth" or "width"), one line per task and mixer. */
    public static BufferedImage against(Table summary, String factor, String title) {
        XYChart c = new XYChartBuilder()
                .width(640)
                .height(400)
                .title(title)
                .xAxisTitle(factor)
                .yAxisTitle("exact accuracy (mean ± sd over seeds)")
                .build();
        style(c.getStyler());
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        Map<String, TreeMap<Integer, double[]>> lines = new TreeMap<>();
        for (Row r : summary) {
            String key = r.getString("mixer") + " " + r.getString("task");
            // two (n, T) pairs can share a depth; keep the better-trained reading by averaging them
            lines.computeIfAbsent(key, k -> new TreeMap<>())
                    .merge(
                            r.getInt(factor),
                            new double[] {r.getDouble("exact_mean"), r.getDouble("exact_sd"), 1},
                            (a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        }
        lines.forEach((name, points) -> {
            double[] x =
                    points.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = points.values().stream().mapToDouble(v -> v[0] / v[2]).toArray();
            double[] e = points.values().stream().mapToDouble(v -> v[1] / v[2]).toArray();
            XYSeries s = c.addSeries(name, x, y, e);
            s.setMarker(SeriesMarkers.CIRCLE);
        });
        return Charts.png(c);
    }

    /**
     * Held-out exact accuracy during training (the periodic checks in each run's metrics), averaged over seeds,
     * one line per task and mixer, for the runs of a results file that belong to {@code grid}.
     */
    public static BufferedImage trainingCurves(Path sweepFolder, String grid) {
        SweepTable.ResultsFile file = SweepTable.read(sweepFolder);
        Map<String, TreeMap<Long, double[]>> lines = new TreeMap<>();
        for (SweepTable.Run run : file.runs()) {
            if (!run.result().grids().contains(grid)) continue;
            String key = run.result().arm() + " " + run.result().task().id();
            Path metrics =
                    sweepFolder.resolve("runs").resolve(run.result().folder()).resolve("metrics.jsonl");
            for (var node : new MetricsLog(metrics).read()) {
                TrainingMetrics m = TrainingMetrics.fromJson(node);
                if (!m.evaluated()) continue;
                lines.computeIfAbsent(key, k -> new TreeMap<>())
                        .merge(m.step(), new double[] {m.evalExact(), 1}, (a, b) ->
                                new double[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        XYChart c = new XYChartBuilder()
                .width(640)
                .height(400)
                .title("held-out exact accuracy during training")
                .xAxisTitle("step")
                .yAxisTitle("exact accuracy (mean over seeds)")
                .build();
        style(c.getStyler());
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        lines.forEach((name, points) -> {
            double[] x = points.keySet().stream().mapToDouble(Long::doubleValue).toArray();
            double[] y = points.values().stream().mapToDouble(v -> v[0] / v[1]).toArray();
            c.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        });
        if (lines.isEmpty()) c.addSeries("no held-out checks in these runs", new double[] {0}, new double[] {0});
        return Charts.png(c);
    }

    private static void style(Styler s) {
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
    }
}
