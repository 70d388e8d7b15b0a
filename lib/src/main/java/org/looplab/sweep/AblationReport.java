package org.looplab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.looplab.analysis.Judgement;
import org.looplab.analysis.Sample;
import org.looplab.analysis.Statistics;
import org.looplab.data.PuzzleKind;
import org.looplab.model.Mixer;
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
            Row m = SweepSummary.find(mixerSummary, task, Mixer.MLP.name()),
                    a = SweepSummary.find(mixerSummary, task, Mixer.ATTENTION.name());
            ours.append(task);
            mlp.append(m == null ? "—" : pct(m));
            att.append(a == null ? "—" : pct(a));
            boolean maze = PuzzleKind.ofName(task) == PuzzleKind.MAZE;
            PaperResult p = maze ? PAPER.get(1) : PAPER.get(0);
            paper.append(p.paperTask());
            pMlp.append(String.format(Locale.ROOT, "%.1f%%", 100 * p.mlp()));
            pAtt.append(String.format(Locale.ROOT, "%.1f%%", 100 * p.attention()));
            note.append(
                    maze
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

    /**
     * Per task: the MLP − attention gap, Welch's t, and what it supports under the lab's one verdict rule
     * ({@link Judgement#compare}, the claims board's): a clear gap either way names the arm ahead.
     */
    public static Table verdicts(Table mixerSummary) {
        StringColumn task = StringColumn.create("task"), verdict = StringColumn.create("what the data supports");
        DoubleColumn gap = DoubleColumn.create("MLP − attention"), t = DoubleColumn.create("Welch t");
        StringColumn seeds = StringColumn.create("seeds (MLP / attention)");
        for (String name : tasks(mixerSummary)) {
            Row m = SweepSummary.find(mixerSummary, name, Mixer.MLP.name()),
                    a = SweepSummary.find(mixerSummary, name, Mixer.ATTENTION.name());
            if (m == null || a == null) continue;
            Sample mlp = exact(m), att = exact(a);
            task.append(name);
            gap.append(mlp.mean() - att.mean());
            t.append(Statistics.welchT(mlp.mean(), mlp.sd(), mlp.seeds(), att.mean(), att.sd(), att.seeds()));
            seeds.append(mlp.seeds() + " / " + att.seeds());
            verdict.append(verdict(Judgement.compare("MLP", mlp, "attention", att)));
        }
        return Table.create("is the gap larger than the seed-to-seed spread?", task, seeds, gap, t, verdict);
    }

    /** The judgement in the report's words: which arm is ahead, or that the data cannot tell, and why. */
    static String verdict(Judgement j) {
        String head = switch (j.verdict()) {
            case SUPPORTED -> "MLP ahead";
            case CONTRADICTED -> "attention ahead";
            case INCONCLUSIVE -> "no clear difference";
        };
        return head + ": " + j.reason();
    }

    /** Held-out exact accuracy of a summary row, as the verdict rule reads an arm. */
    private static Sample exact(Row r) {
        return new Sample(r.getDouble("exact_mean"), r.getDouble("exact_sd"), r.getInt("seeds"));
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
                            verdict(Judgement.compare("MLP", exact(m), "attention", exact(a)))));
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
