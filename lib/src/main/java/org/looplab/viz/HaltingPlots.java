package org.looplab.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.looplab.analysis.DifficultyBucket;
import org.looplab.analysis.HaltingStats;
import org.looplab.analysis.PuzzleTrajectory;
import org.looplab.model.HaltingRule;

/** Pictures of {@link HaltingStats}: when the halt head stops, what stopping costs and buys, and whether it is calibrated. */
public final class HaltingPlots {
    private HaltingPlots() {}

    static final Color EASY = new Color(0x2b7bba), MEDIUM = new Color(0x9a9a9a), HARD = new Color(0xd7301f);

    static Color colour(DifficultyBucket b) {
        return switch (b) {
            case EASY -> EASY;
            case MEDIUM -> MEDIUM;
            case HARD -> HARD;
        };
    }

    // Titles stay short (the model's description is long and lives in the tables); a long legend or title
    // squeezes XChart's plot area to nothing.
    private static String sub(HaltingStats s) {
        String rule = s.rule() instanceof HaltingRule.HaltProbability h
                ? "threshold " + String.format(Locale.ROOT, "%.2f", h.threshold())
                : s.rule().describe();
        return rule + ", N_sup " + s.maxSteps();
    }

    /**
     * How many puzzles of each difficulty bucket stop at each step (grouped bars). A step at the N_sup cap includes
     * the puzzles that never reached the threshold.
     */
    public static BufferedImage stepsByDifficulty(HaltingStats s) {
        int n = s.maxSteps();
        CategoryChart chart = new CategoryChartBuilder()
                .width(720)
                .height(380)
                .title("Halting step by difficulty (" + sub(s) + ")")
                .xAxisTitle("supervision step where it halts")
                .yAxisTitle("puzzles")
                .build();
        chart.getStyler().setOverlapped(false);
        List<Integer> steps = IntStream.rangeClosed(1, n).boxed().toList();
        DifficultyBucket[] b = s.buckets();
        for (DifficultyBucket which : DifficultyBucket.values()) {
            int[] count = new int[n];
            List<Integer> halts = new ArrayList<>();
            for (int i = 0; i < b.length; i++) {
                if (b[i] != which) continue;
                int h = s.haltStep(s.puzzles().get(i));
                count[h - 1]++;
                halts.add(h);
            }
            if (halts.isEmpty()) continue;
            double mean = halts.stream().mapToInt(Integer::intValue).average().orElseThrow();
            chart.addSeries(
                            String.format(Locale.ROOT, "%s (n=%d, mean %.1f)", which.label(), halts.size(), mean),
                            steps,
                            Arrays.stream(count).boxed().toList())
                    .setFillColor(colour(which));
        }
        return Charts.png(chart);
    }

    /**
     * Test-time compute scaling: exact-match accuracy when at most K steps are allowed, always running K (fixed)
     * against halting adaptively before K.
     */
    public static BufferedImage accuracyByMaxSteps(HaltingStats s) {
        List<HaltingStats.Budget> b = s.budgets();
        double[] k = b.stream().mapToDouble(HaltingStats.Budget::maxSteps).toArray();
        XYChart chart = new XYChartBuilder()
                .width(720)
                .height(380)
                .title("Accuracy against steps allowed (" + sub(s) + ")")
                .xAxisTitle("max supervision steps K")
                .yAxisTitle("exact-match accuracy")
                .build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.addSeries(
                        "fixed: always K steps",
                        k,
                        b.stream()
                                .mapToDouble(HaltingStats.Budget::fixedAccuracy)
                                .toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries(
                        "adaptive: halt head, at most K",
                        k,
                        b.stream()
                                .mapToDouble(HaltingStats.Budget::adaptiveAccuracy)
                                .toArray())
                .setMarker(SeriesMarkers.DIAMOND);
        return Charts.png(chart);
    }

    /** Halt probability against step for up to {@code perBucket} puzzles of each bucket, and the threshold. */
    public static BufferedImage haltTrajectories(HaltingStats s, int perBucket) {
        int n = s.maxSteps();
        double[] k = IntStream.rangeClosed(1, n).asDoubleStream().toArray();
        XYChart chart = new XYChartBuilder()
                .width(720)
                .height(380)
                .title("Halt probability by step (" + sub(s) + ")")
                .xAxisTitle("supervision step")
                .yAxisTitle("sigmoid(q_halt)")
                .build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setMarkerSize(4);
        DifficultyBucket[] b = s.buckets();
        int[] shown = new int[DifficultyBucket.values().length];
        for (int i = 0; i < b.length; i++) {
            if (shown[b[i].ordinal()] >= perBucket) continue;
            PuzzleTrajectory p = s.puzzles().get(i);
            double[] y = new double[n];
            for (int j = 0; j < n; j++) y[j] = p.haltProbability()[j];
            boolean first = shown[b[i].ordinal()]++ == 0;
            XYSeries line = chart.addSeries(first ? b[i].label() : b[i].label() + " row " + p.row(), k, y);
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineColor(colour(b[i]));
            line.setMarkerColor(colour(b[i]));
            line.setLineWidth(1.2f);
            line.setShowInLegend(first);
        }
        if (s.rule() instanceof HaltingRule.HaltProbability h) { // HRM's q_halt > q_continue is no line on this plot
            XYSeries t = chart.addSeries("threshold", new double[] {1, n}, new double[] {h.threshold(), h.threshold()});
            t.setMarker(SeriesMarkers.NONE);
            t.setLineColor(Color.BLACK);
            t.setLineStyle(SeriesLines.DASH_DASH);
        }
        return Charts.png(chart);
    }

    /** Mean steps per puzzle for fixed N_sup, the cheapest equally accurate fixed budget, and adaptive halting. */
    public static BufferedImage savings(HaltingStats s) {
        HaltingStats.Savings v = s.savings();
        List<String> names = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        names.add(String.format(Locale.ROOT, "fixed %d (acc %.2f)", v.maxSteps(), v.maxStepsAccuracy()));
        steps.add((double) v.maxSteps());
        if (v.equalFixedSteps() > 0) {
            names.add(String.format(
                    Locale.ROOT,
                    "fixed %d (acc %.2f)",
                    v.equalFixedSteps(),
                    s.budgets().get(v.equalFixedSteps() - 1).fixedAccuracy()));
            steps.add((double) v.equalFixedSteps());
        }
        names.add(String.format(Locale.ROOT, "adaptive (acc %.2f)", v.adaptiveAccuracy()));
        steps.add(v.adaptiveMeanSteps());
        CategoryChart chart = new CategoryChartBuilder()
                .width(720)
                .height(340)
                .title(String.format(
                        Locale.ROOT,
                        "Adaptive halting saves %.0f%% of N_sup steps (%s)",
                        100 * v.savedVsFixedMax(),
                        sub(s)))
                .xAxisTitle("policy")
                .yAxisTitle("mean supervision steps per puzzle")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("steps", names, steps);
        return Charts.png(chart);
    }

    /**
     * Reliability diagram of the halt head: fraction of answers actually right against the predicted probability,
     * per bin, over every (puzzle, step) pair; on the diagonal means calibrated.
     */
    public static BufferedImage reliability(HaltingStats s, int bins) {
        HaltingStats.Calibration c = s.calibration(bins);
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (HaltingStats.CalibrationBin b : c.bins()) {
            if (b.count() == 0) continue;
            x.add(b.meanProbability());
            y.add(b.accuracy());
        }
        XYChart chart = new XYChartBuilder()
                .width(520)
                .height(480)
                .title(String.format(Locale.ROOT, "Halt-head calibration · ECE %.3f · %d pairs", c.ece(), c.pairs()))
                .xAxisTitle("predicted halt probability (bin mean)")
                .yAxisTitle("fraction of answers right")
                .build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries d = chart.addSeries("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1});
        d.setMarker(SeriesMarkers.NONE);
        d.setLineColor(Color.GRAY);
        d.setLineStyle(SeriesLines.DASH_DASH);
        XYSeries r = chart.addSeries("halt head", x, y);
        r.setMarker(SeriesMarkers.CIRCLE);
        r.setLineStyle(new BasicStroke(1.5f));
        return Charts.png(chart);
    }
}
