package org.looplab.analysis;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.looplab.model.ModelConfig;
import org.looplab.provenance.RunResults;
import org.looplab.train.RunManifest;
import org.looplab.train.TrainConfig;
import org.looplab.train.TrainingRun;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables and facts about training runs for notebooks: what ran, and how it did on held-out puzzles. */
public final class TrainingReport {
    private TrainingReport() {}

    /** One compared run: its label, its budget and its held-out result. */
    public record Row(String label, long steps, double seconds, Evaluation.Result result) {}

    public static Row row(String label, TrainingRun run, Evaluation.Result result) {
        return new Row(label, run.trainer().steps(), run.trainer().seconds(), result);
    }

    /** Exact match first, then per-cell, then the adaptive-halting reading. */
    public static Table compare(List<Row> rows) {
        return Table.create(
                "held-out accuracy (EMA weights)",
                StringColumn.create("run", rows.stream().map(Row::label).toList()),
                LongColumn.create("steps", rows.stream().mapToLong(Row::steps).toArray()),
                DoubleColumn.create(
                        "train (s)",
                        rows.stream().mapToDouble(r -> Math.round(r.seconds())).toArray()),
                DoubleColumn.create(
                        "exact, N_sup (%)",
                        rows.stream()
                                .mapToDouble(r -> percent(r.result().exactAccuracy()))
                                .toArray()),
                DoubleColumn.create(
                        "cell, N_sup (%)",
                        rows.stream()
                                .mapToDouble(r -> percent(r.result().cellAccuracy()))
                                .toArray()),
                DoubleColumn.create(
                        "exact, adaptive (%)",
                        rows.stream()
                                .mapToDouble(r -> percent(r.result().adaptiveExact()))
                                .toArray()),
                DoubleColumn.create(
                        "mean steps, adaptive",
                        rows.stream()
                                .mapToDouble(r -> Math.round(r.result().meanSteps() * 100) / 100.0)
                                .toArray()),
                StringColumn.create(
                        "test puzzles",
                        rows.stream()
                                .map(r -> r.result().puzzles() + " of "
                                        + r.result().data())
                                .toList()));
    }

    /** Adaptive halting at several thresholds: how many steps it saves and what it costs. */
    public static Table thresholds(TrainingRun run, double... ps) {
        double[] exact = new double[ps.length], steps = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            Evaluation.Result r = Evaluation.heldOut(run, ps[i]);
            exact[i] = percent(r.adaptiveExact());
            steps[i] = Math.round(r.meanSteps() * 100) / 100.0;
        }
        return Table.create(
                "adaptive halting: stop a puzzle when sigmoid(q_halt) >= p",
                DoubleColumn.create("p", ps),
                DoubleColumn.create("exact (%)", exact),
                DoubleColumn.create("mean steps", steps));
    }

    /** The model and recipe as name → value pairs. */
    public static Map<String, String> setup(ModelConfig model, TrainConfig recipe) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", model.toString());
        m.put("compute depth per supervision step", model.depthFormula());
        m.put("layers back-propagated per step", Integer.toString(model.gradientDepth()));
        m.put("recipe", recipe.toString());
        return m;
    }

    /** A list as numbered pairs, for {@code HtmlTables.keyValue}. */
    public static Map<String, String> numbered(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) m.put(Integer.toString(i + 1), lines.get(i));
        return m;
    }

    /** What a checkpoint's manifest says it is and scored (no computation). */
    public static Map<String, String> checkpoint(Path folder) {
        RunManifest r = TrainingRun.readManifest(folder);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("run", r.id());
        m.put("model", r.config().model().toString());
        m.put(
                "data",
                r.data().name() + " (" + r.data().profile().id() + ", sha256 "
                        + r.data().sha256().substring(0, 12) + "…)");
        m.put("steps", Long.toString(r.steps()));
        m.put("training time", String.format(Locale.ROOT, "%.1f min", r.seconds() / 60));
        RunResults results = r.results();
        if (results.loss() != null) m.put("last training loss", String.format(Locale.ROOT, "%.4f", results.loss()));
        if (results.lastCheck() != null) m.put("last held-out check", heldOut(results.lastCheck()));
        if (results.finalEvaluation() != null) m.put("final held-out evaluation", heldOut(results.finalEvaluation()));
        m.put("device", r.runtime().device());
        return m;
    }

    private static String heldOut(RunResults.HeldOut h) {
        return h.describe();
    }

    /** A fraction as a percentage for a table column: {@code 0.9976666} → {@code 99.77} (the table shows 4 digits). */
    static double percent(double fraction) {
        return Math.round(fraction * 10000) / 100.0;
    }
}
