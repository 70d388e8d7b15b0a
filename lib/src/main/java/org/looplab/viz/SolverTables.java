package org.looplab.viz;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.looplab.data.Maze;
import org.looplab.data.MazeSolver;
import org.looplab.serve.PuzzleLadder;
import org.looplab.serve.SolverCheckpoints;
import org.looplab.serve.SolverException;
import org.looplab.serve.mcp.SolverClient;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables of what the solver server said, for notebook 07 ({@code display(HtmlTables.of(...), "text/html")}). */
public final class SolverTables {
    private SolverTables() {}

    /** Which checkpoints are served, and whether each is trained or an untrained stand-in. */
    public static Table checkpoints(List<SolverCheckpoints.Choice> choices) {
        Table t = Table.create(
                "checkpoints served",
                StringColumn.create("name"),
                StringColumn.create("folder"),
                StringColumn.create("weights"));
        for (var c : choices) {
            t.stringColumn(0).append(c.name());
            t.stringColumn(1).append(c.folder().toString());
            t.stringColumn(2)
                    .append(
                            c.shipped()
                                    ? "trained (shipped, data/checkpoints)"
                                    : "UNTRAINED stand-in (no shipped checkpoint here)");
        }
        return t;
    }

    /** The tools the server lists, with their arguments. */
    public static Table tools(List<McpSchema.Tool> tools) {
        Table t = Table.create(
                "tools the server offers",
                StringColumn.create("tool"),
                StringColumn.create("arguments"),
                StringColumn.create("required"),
                StringColumn.create("description"));
        for (var tool : tools) {
            t.stringColumn(0).append(tool.name());
            t.stringColumn(1)
                    .append(String.join(
                            ", ",
                            tool.inputSchema().properties() == null
                                    ? List.of()
                                    : tool.inputSchema().properties().keySet()));
            t.stringColumn(2)
                    .append(
                            tool.inputSchema().required() == null
                                    ? ""
                                    : String.join(", ", tool.inputSchema().required()));
            t.stringColumn(3).append(tool.description());
        }
        return t;
    }

    /** {@code describe_solver}'s models, one row each. */
    @SuppressWarnings("unchecked")
    public static Table models(SolverClient.Reply describe) {
        Table t = Table.create(
                "models loaded",
                StringColumn.create("checkpoint"),
                StringColumn.create("puzzle"),
                StringColumn.create("size"),
                StringColumn.create("architecture"),
                IntColumn.create("parameters"),
                IntColumn.create("N_sup"),
                StringColumn.create("manifest id"),
                StringColumn.create("accuracy"));
        for (var m : (List<Map<String, Object>>) describe.answer().get("models")) {
            t.stringColumn(0).append(str(m.get("checkpoint")));
            t.stringColumn(1).append(str(m.get("puzzle")));
            t.stringColumn(2).append(str(m.get("size")));
            t.stringColumn(3).append(str(m.get("architecture")));
            t.intColumn(4).append(((Number) m.get("parameters")).intValue());
            t.intColumn(5).append(((Number) m.get("supervision_steps")).intValue());
            t.stringColumn(6).append(m.get("manifest_id") == null ? "none" : str(m.get("manifest_id")));
            t.stringColumn(7).append(str(m.get("accuracy")));
        }
        return t;
    }

    /** One row per puzzle: its level, what came back and whether the checker accepted it. */
    public static Table answers(List<PuzzleLadder.Rung> ladder, List<SolverClient.Reply> replies) {
        Table t = Table.create(
                "answers, easiest first",
                StringColumn.create("size"),
                StringColumn.create("level"),
                IntColumn.create("givens"),
                LongColumn.create("backtracks"),
                StringColumn.create("puzzle"),
                StringColumn.create("answer"),
                BooleanColumn.create("verified"),
                IntColumn.create("steps"),
                DoubleColumn.create("halt p"),
                StringColumn.create("what the checker found"));
        for (int i = 0; i < ladder.size(); i++) {
            var rung = ladder.get(i);
            var r = replies.get(i);
            t.stringColumn(0).append(rung.side() + "x" + rung.side());
            t.stringColumn(1).append(rung.level());
            t.intColumn(2).append(rung.givens());
            t.longColumn(3).append(rung.backtracks());
            t.stringColumn(4).append(rung.puzzle());
            if (r.isError()) {
                errorRow(t, 5, r.error());
                continue;
            }
            var a = r.answer();
            t.stringColumn(5).append(str(a.get("solution")));
            t.booleanColumn(6).append(Boolean.TRUE.equals(a.get("verified")));
            t.intColumn(7).append(((Number) a.get("steps_used")).intValue());
            t.doubleColumn(8).append(Math.round(((Number) a.get("halt_probability")).doubleValue() * 1000) / 1000.0);
            t.stringColumn(9).append(a.get("problem") == null ? "correct" : str(a.get("problem")));
        }
        return t;
    }

    /** Per size and level: how many answers the checker accepted, and the model's mean halt probability when it was
     *  right and when it was wrong (a confident wrong answer is what the verifier is there for). */
    public static Table byLevel(List<PuzzleLadder.Rung> ladder, List<SolverClient.Reply> replies) {
        Map<String, double[]> acc = new LinkedHashMap<>(); // verified, total, halt p right sum, halt p wrong sum
        for (int i = 0; i < ladder.size(); i++) {
            var rung = ladder.get(i);
            var a = replies.get(i).answer();
            double[] s =
                    acc.computeIfAbsent(rung.side() + "x" + rung.side() + " | " + rung.level(), k -> new double[4]);
            if (a == null) continue;
            boolean ok = Boolean.TRUE.equals(a.get("verified"));
            double p = ((Number) a.get("halt_probability")).doubleValue();
            s[0] += ok ? 1 : 0;
            s[1] += 1;
            s[ok ? 2 : 3] += p;
        }
        Table t = Table.create(
                "verified by level",
                StringColumn.create("size"),
                StringColumn.create("level"),
                StringColumn.create("verified"),
                DoubleColumn.create("halt p when right"),
                DoubleColumn.create("halt p when wrong"));
        acc.forEach((k, s) -> {
            String[] parts = k.split(" \\| ");
            t.stringColumn(0).append(parts[0]);
            t.stringColumn(1).append(parts[1]);
            t.stringColumn(2).append((int) s[0] + " of " + (int) s[1]);
            if (s[0] > 0) t.doubleColumn(3).append(Math.round(s[2] / s[0] * 1000) / 1000.0);
            else t.doubleColumn(3).appendMissing();
            if (s[1] > s[0]) t.doubleColumn(4).append(Math.round(s[3] / (s[1] - s[0]) * 1000) / 1000.0);
            else t.doubleColumn(4).appendMissing();
        });
        return t;
    }

    /**
     * Answers of {@code solve_maze} to {@code mazes} (one reply each, in order): the shortest path's length by
     * breadth-first search, who answered, whether the path was valid and as short as the shortest, the supervision
     * steps used, the halt probability, and what the checker found; a last row counts the verified answers.
     */
    public static Table mazeAnswers(List<Maze> mazes, List<SolverClient.Reply> replies) {
        Table t = Table.create(
                "maze answers",
                IntColumn.create("maze"),
                IntColumn.create("shortest path"),
                StringColumn.create("answered by"),
                BooleanColumn.create("valid"),
                BooleanColumn.create("optimal"),
                BooleanColumn.create("verified"),
                IntColumn.create("steps"),
                DoubleColumn.create("halt p"),
                StringColumn.create("what the checker found"));
        int verified = 0;
        for (int i = 0; i < mazes.size(); i++) {
            var r = replies.get(i);
            t.intColumn(0).append(i);
            t.intColumn(1).append(MazeSolver.shortestLength(mazes.get(i)).orElse(-1));
            if (r.isError()) {
                errorRow(t, 2, r.error());
                continue;
            }
            var a = r.answer();
            boolean ok = Boolean.TRUE.equals(a.get("verified"));
            if (ok) verified++;
            t.stringColumn(2).append(str(a.get("answered_by")));
            t.booleanColumn(3).append(Boolean.TRUE.equals(a.get("valid")));
            t.booleanColumn(4).append(Boolean.TRUE.equals(a.get("optimal")));
            t.booleanColumn(5).append(ok);
            t.intColumn(6).append(a.get("steps_used") == null ? 0 : ((Number) a.get("steps_used")).intValue());
            if (a.get("halt_probability") == null) t.doubleColumn(7).appendMissing();
            else
                t.doubleColumn(7)
                        .append(Math.round(((Number) a.get("halt_probability")).doubleValue() * 1000) / 1000.0);
            t.stringColumn(8).append(a.get("problem") == null ? "shortest path" : str(a.get("problem")));
        }
        t.setName("maze answers: " + verified + " of " + mazes.size() + " verified");
        return t;
    }

    /** Refused requests: the code and message each came back with. */
    public static Table errors(List<String> sent, List<SolverClient.Reply> replies) {
        Table t = Table.create(
                "refused requests",
                StringColumn.create("sent"),
                StringColumn.create("error code"),
                StringColumn.create("message"));
        for (int i = 0; i < replies.size(); i++) {
            var r = replies.get(i);
            String s = sent.get(i);
            t.stringColumn(0).append(s.length() > 40 ? s.substring(0, 37) + "..." : s);
            t.stringColumn(1).append(r.isError() ? r.error().code() : "(accepted)");
            t.stringColumn(2).append(r.isError() ? r.error().message() : "");
        }
        return t;
    }

    /**
     * Fills a refused request's row from column {@code from} on: empty text, false flags, missing numbers, and the
     * error's code and message in the last column.
     */
    private static void errorRow(Table t, int from, SolverException.SolverError error) {
        int last = t.columnCount() - 1;
        for (int c = from; c < last; c++) {
            if (t.column(c) instanceof StringColumn s) s.append("");
            else if (t.column(c) instanceof BooleanColumn b) b.append(false);
            else t.column(c).appendMissing();
        }
        t.stringColumn(last).append("error " + error.code() + ": " + error.message());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
