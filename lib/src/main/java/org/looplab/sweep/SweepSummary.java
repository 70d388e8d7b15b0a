package org.looplab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.looplab.analysis.Statistics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Seeds folded into one row per configuration: mean and sample standard deviation of held-out exact and cell
 * accuracy, and the number of seeds, which is what a reader needs to judge whether a gap is noise. Runs of different
 * training code (the {@code sources} column) are never folded together: each code version gets its own row. Nor are
 * runs of different grids or step budgets: two arms can share (task, mixer, n, T, width) and differ only in what their
 * grid sets (the gradient through the recursion, the EMA), and folding them would count arms as seeds.
 */
public final class SweepSummary {
    private SweepSummary() {}

    /** One row per (grids, task, mixer, n, T, width, steps, code) of a results table ({@link SweepTable#of}). */
    public static Table of(Table runs) {
        // Tablesaw's Row is a cursor that iteration moves, so groups hold fresh Row objects, one per row index.
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            Row r = runs.row(i);
            String key = r.getString("grids") + "|" + r.getString("task") + "|" + r.getString("mixer") + "|"
                    + r.getInt("n") + "|" + r.getInt("T") + "|" + r.getInt("width") + "|" + r.getLong("steps") + "|"
                    + r.getString("sources");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        StringColumn grids = StringColumn.create("grids"),
                task = StringColumn.create("task"),
                mixer = StringColumn.create("mixer"),
                sources = StringColumn.create("sources");
        IntColumn n = IntColumn.create("n"),
                t = IntColumn.create("T"),
                width = IntColumn.create("width"),
                budget = IntColumn.create("steps"),
                depth = IntColumn.create("depth"),
                seeds = IntColumn.create("seeds");
        DoubleColumn exact = DoubleColumn.create("exact_mean"),
                exactSd = DoubleColumn.create("exact_sd"),
                cell = DoubleColumn.create("cell_mean"),
                cellSd = DoubleColumn.create("cell_sd"),
                steps = DoubleColumn.create("adaptive_steps_mean");
        for (List<Row> g : groups.values()) {
            Row first = g.get(0);
            grids.append(first.getString("grids"));
            task.append(first.getString("task"));
            mixer.append(first.getString("mixer"));
            n.append(first.getInt("n"));
            t.append(first.getInt("T"));
            width.append(first.getInt("width"));
            budget.append((int) first.getLong("steps"));
            depth.append(first.getInt("depth"));
            seeds.append(g.size());
            double[] e = column(g, "exact"), c = column(g, "cell");
            exact.append(Statistics.mean(e));
            exactSd.append(Statistics.sd(e));
            cell.append(Statistics.mean(c));
            cellSd.append(Statistics.sd(c));
            steps.append(Statistics.mean(column(g, "adaptive_mean_steps")));
            sources.append(first.getString("sources"));
        }
        return Table.create(
                "held-out accuracy, mean ± sd over seeds",
                grids,
                task,
                mixer,
                n,
                t,
                width,
                budget,
                depth,
                seeds,
                exact,
                exactSd,
                cell,
                cellSd,
                steps,
                sources);
    }

    /** The summary of the runs that belong to {@code grid} (a run may belong to several). */
    public static Table ofGrid(Table runs, String grid) {
        Table in = runs.where(
                runs.stringColumn("grids").eval(s -> List.of(s.split("\\+")).contains(grid)));
        return of(in).setName(grid + ": held-out accuracy, mean ± sd over seeds");
    }

    /** The summary row of a task and arm ({@link CellResult#arm}: a mixer's name, else the family id), or null; a fresh Row (iteration's Row is one cursor that moves on). */
    public static Row find(Table summary, String task, String arm) {
        for (int i = 0; i < summary.rowCount(); i++) {
            Row r = summary.row(i);
            if (r.getString("task").equals(task) && r.getString("mixer").equals(arm)) return r;
        }
        return null;
    }

    private static double[] column(List<Row> rows, String name) {
        return rows.stream().mapToDouble(r -> r.getDouble(name)).toArray();
    }
}
