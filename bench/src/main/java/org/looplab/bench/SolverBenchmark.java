package org.looplab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.RuntimeFacts;
import org.looplab.serve.LoadedSolver;
import org.looplab.serve.SolveOptions;
import org.looplab.serve.SolverService;
import org.looplab.serve.SudokuAnswer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Speed of the solver service in process (no MCP transport): per loaded Sudoku model, puzzles per second and p50/p99
 * latency, once with many requests in flight (the batching case: an agent or a script sending a file) and once one at
 * a time (an agent asking a single question). Latency is request to checked answer. Puzzles are minimal ones from
 * the seeded generator, so every run sees the same ones.
 */
public final class SolverBenchmark {
    private SolverBenchmark() {}

    /** One measured case. */
    public record Row(
            String checkpoint,
            String size,
            String mode,
            int puzzles,
            double puzzlesPerSecond,
            double p50Ms,
            double p99Ms,
            double verifiedFraction,
            double meanSteps) {}

    /**
     * @param concurrent puzzles per model sent all at once
     * @param sequential puzzles per model sent one after another
     */
    public static List<Row> run(List<Path> checkpoints, int concurrent, int sequential, long seed) {
        List<Row> rows = new ArrayList<>();
        try (SolverService service = SolverService.load(checkpoints)) {
            for (LoadedSolver s : service.solvers()) {
                if (s.kind() != org.looplab.data.PuzzleKind.SUDOKU) continue;
                SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(s.side()));
                List<Sudoku> puzzles = new ArrayList<>();
                for (int i = 0; i < Math.max(concurrent, sequential); i++)
                    puzzles.add(gen.generate(seed, i).puzzle());
                for (int i = 0; i < 8; i++)
                    SolverService.await(service.solveSudoku(
                            puzzles.get(i % puzzles.size()),
                            SolveOptions.defaults())); // warm-up: first calls pay for allocation and kernel selection
                rows.add(measure(service, s, puzzles.subList(0, concurrent), true));
                rows.add(measure(service, s, puzzles.subList(0, sequential), false));
            }
        }
        return rows;
    }

    private static Row measure(SolverService service, LoadedSolver s, List<Sudoku> puzzles, boolean atOnce) {
        List<SudokuAnswer> answers = new ArrayList<>();
        long start = System.nanoTime();
        if (atOnce) {
            List<CompletableFuture<SudokuAnswer>> fs = new ArrayList<>();
            for (Sudoku p : puzzles) fs.add(service.solveSudoku(p, SolveOptions.defaults()));
            for (var f : fs) answers.add(SolverService.await(f));
        } else {
            for (Sudoku p : puzzles) answers.add(SolverService.await(service.solveSudoku(p, SolveOptions.defaults())));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] ms =
                answers.stream().mapToDouble(SudokuAnswer::wallMs).sorted().toArray();
        double verified = answers.stream().filter(SudokuAnswer::verified).count() / (double) answers.size();
        double steps =
                answers.stream().mapToInt(SudokuAnswer::stepsUsed).average().orElse(0);
        return new Row(
                s.name(),
                s.side() + "x" + s.side(),
                atOnce ? "all at once" : "one at a time",
                puzzles.size(),
                puzzles.size() / seconds,
                percentile(ms, 0.50),
                percentile(ms, 0.99),
                verified,
                steps);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static Table table(List<Row> rows) {
        Table t = Table.create(
                "solver service speed (in process, " + RuntimeFacts.current().engine() + ", lib "
                        + CodeVersion.current().lib() + " "
                        + CodeVersion.current().commit() + ")",
                StringColumn.create("checkpoint"),
                StringColumn.create("size"),
                StringColumn.create("mode"),
                IntColumn.create("puzzles"),
                DoubleColumn.create("puzzles/s"),
                DoubleColumn.create("p50 ms"),
                DoubleColumn.create("p99 ms"),
                DoubleColumn.create("verified"),
                DoubleColumn.create("mean steps"));
        for (Row r : rows) {
            t.stringColumn(0).append(r.checkpoint());
            t.stringColumn(1).append(r.size());
            t.stringColumn(2).append(r.mode());
            t.intColumn(3).append(r.puzzles());
            t.doubleColumn(4).append(round(r.puzzlesPerSecond()));
            t.doubleColumn(5).append(round(r.p50Ms()));
            t.doubleColumn(6).append(round(r.p99Ms()));
            t.doubleColumn(7).append(round(r.verifiedFraction()));
            t.doubleColumn(8).append(round(r.meanSteps()));
        }
        return t;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double[] sorted(double... v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }
}
