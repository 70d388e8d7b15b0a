package org.looplab.viz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.looplab.train.TrainingMetrics;

/**
 * Loss and accuracy against optimiser steps, as one PNG: left the losses, right the accuracies (train-time exact
 * match of halted slots, held-out exact and per-cell accuracy with the EMA weights). Redrawn from the whole history
 * each time, so a notebook's {@code updateDisplay(id, TrainingCurves.png(run.history()))} shows a live plot.
 */
public final class TrainingCurves {
    private TrainingCurves() {}

    public static BufferedImage png(List<TrainingMetrics> history) {
        return png(history, "");
    }

    public static BufferedImage png(List<TrainingMetrics> history, String title) {
        List<XYChart> charts = charts(history, title);
        BufferedImage a = Charts.png(charts.get(0)), b = Charts.png(charts.get(1));
        BufferedImage both = new BufferedImage(
                a.getWidth() + b.getWidth(), Math.max(a.getHeight(), b.getHeight()), BufferedImage.TYPE_INT_RGB);
        var g = both.createGraphics();
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, a.getWidth(), 0, null);
        g.dispose();
        return both;
    }

    /** The two charts of {@link #png}, losses then accuracies, before they are drawn (what a test can read). */
    static List<XYChart> charts(List<TrainingMetrics> history, String title) {
        XYChart loss = chart(title.isEmpty() ? "loss" : title + ": loss", "loss");
        add(loss, "total", history, TrainingMetrics::loss, false);
        add(loss, "answer (stable-max CE)", history, TrainingMetrics::answerLoss, false);
        add(loss, "halt (BCE)", history, TrainingMetrics::haltLoss, false);
        add(loss, "continue (BCE)", history, TrainingMetrics::continueLoss, false);
        XYChart acc = chart(title.isEmpty() ? "accuracy" : title + ": accuracy", "accuracy");
        acc.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        add(acc, "train, halted slots", history, TrainingMetrics::haltedExact, false);
        add(acc, "held-out exact", history, TrainingMetrics::evalExact, true);
        add(acc, "held-out cell", history, TrainingMetrics::evalCell, true);
        return List.of(loss, acc);
    }

    private static XYChart chart(String title, String y) {
        XYChart c = new XYChartBuilder()
                .width(480)
                .height(360)
                .title(title)
                .xAxisTitle("step")
                .yAxisTitle(y)
                .build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return c;
    }

    /** Adds a series of the non-NaN points; a series with no point is left out (XChart refuses empty ones). */
    private static void add(
            XYChart c, String name, List<TrainingMetrics> h, ToDoubleFunction<TrainingMetrics> f, boolean markers) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (TrainingMetrics m : h) {
            double v = f.applyAsDouble(m);
            if (Double.isNaN(v)) continue;
            xs.add((double) m.step());
            ys.add(v);
        }
        if (xs.isEmpty()) return;
        XYSeries s = c.addSeries(name, xs, ys);
        s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
}
