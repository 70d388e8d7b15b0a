package org.looplab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads an attention-vs-MLP sweep against the TRM paper: our numbers beside the paper's, and, per task, whether
 * the gap between the mixers is larger than the spread between seeds. The deck warns that this result is easy to
 * overstate, so the verdicts are computed from the data with a stated rule, never written in advance.
 */
public final class AblationReport {
    private AblationReport() {}

    /**
     * Two-sided 95% critical value of Student's t with 4 degrees of freedom: Welch's test of 3 seeds against 3
     * has at most 4, so a gap must clear it to count. With more seeds this is conservative.
     */
    public static final double T_CRITICAL = 2.776;

    /** The paper's numbers this sweep speaks to (TRM paper, Table 1 and Tables 4-5). */
    public record PaperResult(String what, String paperTask, double mlp, double attention) {}

    public static final List<PaperResult> PAPER = List.of(
            new PaperResult("mixer", "Sudoku-Extreme 9×9, 1k training puzzles", 0.874, 0.747),
            new PaperResult("mixer", "Maze-Hard 30×30, 1k training mazes", 0.0, 0.853));

    /** Our mixer comparison per task beside the paper's (the tasks differ in size; see the notes column). */
    public static Table paperTable(Table mixerSummary) {
        StringColumn ours = StringColumn.create("our task"),
                mlp = StringColumn.create("our MLP"),
                att = StringColumn.create("our attention"),
                paper = StringColumn.create("paper task"),
                pMlp = StringColumn.create("paper MLP"),
                pAtt = StringColumn.create("paper attention"),
                note = StringColumn.create("how they differ");
        for (String task : tasks(mixerSummary)) {
            Row m = SweepSummary.find(mixerSummary, task, "MLP"),
                    a = SweepSummary.find(mixerSummary, task, "ATTENTION");
            ours.append(task);
            mlp.append(m == null ? "—" : pct(m));
            att.append(a == null ? "—" : pct(a));
            PaperResult p = task.startsWith("maze") ? PAPER.get(1) : PAPER.get(0);
            paper.append(p.paperTask());
            pMlp.append(String.format(Locale.ROOT, "%.1f%%", 100 * p.mlp()));
            pAtt.append(String.format(Locale.ROOT, "%.1f%%", 100 * p.attention()));
            note.append(
                    task.startsWith("maze")
                            ? "11×11 mazes, not 30×30; minutes of CPU, not GPU-days; hidden 64, not 512"
                            : "smaller, easier grids; minutes of CPU, not GPU-days; hidden 64, not 512");
        }
        return Table.create(
                "attention vs MLP: ours (held-out exact, mean ± sd over seeds) and the paper's",
                ours,
                mlp,
                att,
                paper,
                pMlp,
                pAtt,
                note);
    }

    /**
     * Per task of the spec: what copying the input scores on the held-out split, the floor a model must beat before
     * its per-cell accuracy means anything (exact is 0 there unless puzzles come solved).
     */
    public static Table copyInputBaselines(SweepSpec spec, java.nio.file.Path dataRoot) {
        StringColumn task = StringColumn.create("task");
        DoubleColumn exact = DoubleColumn.create("copy-input exact"), cell = DoubleColumn.create("copy-input cell");
        for (String name : new LinkedHashSet<>(
                spec.grids().stream().flatMap(g -> g.tasks().stream()).toList())) {
            var test = org.looplab.data.DataSetFolder.buildIfAbsent(name, spec.profile(), dataRoot)
                    .test();
            double[] b = org.looplab.analysis.Evaluation.copyInputBaseline(test);
            task.append(name);
            exact.append(b[0]);
            cell.append(b[1]);
        }
        return Table.create("the floor: predicting every cell as its input (held-out split)", task, exact, cell);
    }

    /** Per task: the MLP − attention gap, Welch's t, and what it supports under {@link #T_CRITICAL}. */
    public static Table verdicts(Table mixerSummary) {
        StringColumn task = StringColumn.create("task"), verdict = StringColumn.create("what the data supports");
        DoubleColumn gap = DoubleColumn.create("MLP − attention"), t = DoubleColumn.create("Welch t");
        StringColumn seeds = StringColumn.create("seeds (MLP / attention)");
        for (String name : tasks(mixerSummary)) {
            Row m = SweepSummary.find(mixerSummary, name, "MLP"),
                    a = SweepSummary.find(mixerSummary, name, "ATTENTION");
            if (m == null || a == null) continue;
            double d = m.getDouble("exact_mean") - a.getDouble("exact_mean");
            double tv = welch(m, a);
            task.append(name);
            gap.append(d);
            t.append(tv);
            seeds.append(m.getInt("seeds") + " / " + a.getInt("seeds"));
            verdict.append(verdict(d, tv, Math.min(m.getInt("seeds"), a.getInt("seeds"))));
        }
        return Table.create("is the gap larger than the seed-to-seed spread?", task, seeds, gap, t, verdict);
    }

    /** The verdict of one gap; with fewer than 2 seeds per side there is no spread to compare with. */
    static String verdict(double gap, double t, int seeds) {
        if (seeds < 2) return "one seed: no spread to judge the gap against";
        if (Double.isInfinite(t) || Math.abs(t) >= T_CRITICAL)
            return (gap > 0 ? "MLP ahead" : "attention ahead")
                    + String.format(Locale.ROOT, " by %.1f points (|t| ≥ %.2f)", 100 * Math.abs(gap), T_CRITICAL);
        return String.format(
                Locale.ROOT,
                "no clear difference: %.1f points is within seed noise (|t| < %.2f)",
                100 * Math.abs(gap),
                T_CRITICAL);
    }

    /** Welch's t of the two exact-accuracy means; ±∞ when both sides have zero spread and differ, 0 when equal. */
    static double welch(Row m, Row a) {
        return welchT(
                m.getDouble("exact_mean"),
                m.getDouble("exact_sd"),
                m.getInt("seeds"),
                a.getDouble("exact_mean"),
                a.getDouble("exact_sd"),
                a.getInt("seeds"));
    }

    /** Welch's t of mean a − mean b from means, sample sds and counts; ±∞ when neither side spreads and they differ. */
    public static double welchT(double meanA, double sdA, int nA, double meanB, double sdB, int nB) {
        double d = meanA - meanB;
        double se = Math.sqrt(sq(sdA) / nA + sq(sdB) / nB);
        if (se == 0) return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        return d / se;
    }

    private static double sq(double x) {
        return x * x;
    }

    /**
     * What the runs measured, as sentences for a notebook's conclusions, so that its prose carries no typed numbers:
     * per mixer task the two means, their cell accuracy and the verdict of {@link #verdicts}; then held-out exact by
     * effective depth and by width. Keyed by what each sentence is about.
     */
    public static java.util.Map<String, String> findings(Table mixer, Table depth, Table width) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        for (String task : tasks(mixer)) {
            Row m = SweepSummary.find(mixer, task, "MLP"), a = SweepSummary.find(mixer, task, "ATTENTION");
            if (m == null || a == null) continue;
            f.put(
                    "mixer, " + task,
                    String.format(
                            Locale.ROOT,
                            "MLP %s vs attention %s held-out exact after %,d steps (cell %.1f%% vs %.1f%%): %s",
                            pct(m),
                            pct(a),
                            m.getInt("steps"),
                            100 * m.getDouble("cell_mean"),
                            100 * a.getDouble("cell_mean"),
                            verdict(
                                    m.getDouble("exact_mean") - a.getDouble("exact_mean"),
                                    welch(m, a),
                                    Math.min(m.getInt("seeds"), a.getInt("seeds")))));
        }
        f.put(
                "depth",
                byFactor(
                        depth,
                        "depth",
                        r -> "depth " + r.getInt("depth") + " (n " + r.getInt("n") + ", T " + r.getInt("T") + ")"));
        f.put("width", byFactor(width, "width", r -> "hidden " + r.getInt("width")));
        return f;
    }

    /** "x: 93.7% ± 2.2 (3 seeds); …" in rising order of {@code factor}, with the task and budget they share. */
    private static String byFactor(Table summary, String factor, java.util.function.Function<Row, String> label) {
        if (summary.rowCount() == 0) return "no runs";
        Table sorted = summary.sortAscendingOn(factor);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sorted.rowCount(); i++) {
            Row r = sorted.row(i);
            parts.add(label.apply(r) + ": " + pct(r));
        }
        Row first = sorted.row(0);
        return String.join("; ", parts)
                + String.format(
                        Locale.ROOT,
                        " (held-out exact, %s %s, %,d steps)",
                        first.getString("task"),
                        first.getString("mixer"),
                        first.getInt("steps"));
    }

    private static String pct(Row r) {
        return String.format(
                Locale.ROOT,
                "%.1f%% ± %.1f (%d seeds)",
                100 * r.getDouble("exact_mean"),
                100 * r.getDouble("exact_sd"),
                r.getInt("seeds"));
    }

    private static List<String> tasks(Table summary) {
        return new ArrayList<>(new LinkedHashSet<>(summary.stringColumn("task").asList()));
    }
}
