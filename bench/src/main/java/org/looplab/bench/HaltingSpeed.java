package org.looplab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.looplab.data.PuzzleKind;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.data.SudokuRules;
import org.looplab.model.BatchInference;
import org.looplab.model.HaltingRule;
import org.looplab.model.PuzzleRun;
import org.looplab.model.ReasoningModel;
import org.looplab.serve.LoadedSolver;
import org.looplab.serve.SolveOptions;
import org.looplab.serve.SolverService;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What adaptive halting buys in throughput: the same puzzles, in the same batches, run for a fixed N_sup steps and
 * under the model's halting rule, where a puzzle that halts leaves its batch ({@link BatchInference}). Timed at the
 * model (no queue, no checking in the clock), best of {@code repeats}, after one warm-up pass of each.
 */
public final class HaltingSpeed {
    private HaltingSpeed() {}

    /**
     * @param fixedPerSecond    puzzles/s when every puzzle runs N_sup steps
     * @param adaptivePerSecond puzzles/s under the halting rule
     * @param adaptiveSteps     mean steps a puzzle ran under the rule
     * @param fixedExact        share of puzzles solved after N_sup steps
     * @param adaptiveExact     share solved at their halting step
     */
    public record Row(
            String checkpoint,
            String size,
            String rule,
            int puzzles,
            int batch,
            int supervisionSteps,
            double fixedPerSecond,
            double adaptivePerSecond,
            double adaptiveSteps,
            double fixedExact,
            double adaptiveExact) {
        public double speedUp() {
            return adaptivePerSecond / fixedPerSecond;
        }
    }

    /** Every Sudoku checkpoint in {@code checkpoints}, on {@code puzzles} seeded minimal puzzles of its size. */
    public static List<Row> run(List<Path> checkpoints, int puzzles, int batch, int repeats, long seed) {
        List<Row> rows = new ArrayList<>();
        for (Path p : checkpoints) {
            try (LoadedSolver s = LoadedSolver.load(p)) {
                if (s.kind() != PuzzleKind.SUDOKU) continue;
                SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(s.side()));
                List<Sudoku> set = new ArrayList<>();
                for (int i = 0; i < puzzles; i++) set.add(gen.generate(seed, i).puzzle());
                rows.add(measure(s, set, batch, repeats));
            }
        }
        return rows;
    }

    static Row measure(LoadedSolver s, List<Sudoku> puzzles, int batch, int repeats) {
        ReasoningModel m = s.model();
        int nSup = s.supervisionSteps();
        HaltingRule adaptive = HaltingRule.of(m, SolveOptions.DEFAULT_HALT_THRESHOLD);
        HaltingRule fixed = new HaltingRule.FixedSteps(nSup);
        Pass f = null, a = null;
        for (int r = 0; r <= repeats; r++) { // pass 0 warms up (allocation, kernel choice) and is not counted
            Pass pf = pass(m, puzzles, batch, fixed), pa = pass(m, puzzles, batch, adaptive);
            if (r == 0) continue;
            f = f == null || pf.seconds < f.seconds ? pf : f;
            a = a == null || pa.seconds < a.seconds ? pa : a;
        }
        int n = puzzles.size();
        return new Row(
                s.name(),
                s.label(),
                adaptive.describe(),
                n,
                batch,
                nSup,
                n / f.seconds,
                n / a.seconds,
                a.steps / (double) n,
                f.solved / (double) n,
                a.solved / (double) n);
    }

    private record Pass(double seconds, long steps, int solved) {}

    private static Pass pass(ReasoningModel m, List<Sudoku> puzzles, int batch, HaltingRule rule) {
        List<PuzzleRun> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int from = 0; from < puzzles.size(); from += batch) {
            List<Sudoku> part = puzzles.subList(from, Math.min(puzzles.size(), from + batch));
            long[][] tokens = part.stream()
                    .map(p -> SolverService.toLongs(SudokuEncoding.encode(p)))
                    .toArray(long[][]::new);
            runs.addAll(Arrays.asList(
                    BatchInference.run(m, tokens, new long[tokens.length], rule, BatchInference.Keep.EXIT_ANSWER)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long steps = 0;
        int solved = 0;
        for (int i = 0; i < runs.size(); i++) {
            steps += runs.get(i).exitStep();
            Sudoku p = puzzles.get(i);
            if (SudokuRules.solves(SolverService.decodeSudoku(runs.get(i).answer(), p.shape()), p)) solved++;
        }
        return new Pass(seconds, steps, solved);
    }

    /** Fixed and adaptive side by side, one row per checkpoint. */
    public static Table table(List<Row> rows) {
        StringColumn ckpt = StringColumn.create("checkpoint"),
                size = StringColumn.create("size"),
                rule = StringColumn.create("halting rule");
        IntColumn n = IntColumn.create("puzzles"), batch = IntColumn.create("batch"), nSup = IntColumn.create("N_sup");
        DoubleColumn fixed = DoubleColumn.create("puzzles/s, fixed N_sup"),
                adaptive = DoubleColumn.create("puzzles/s, adaptive"),
                speedUp = DoubleColumn.create("speed-up"),
                steps = DoubleColumn.create("mean steps, adaptive"),
                fixedExact = DoubleColumn.create("exact, fixed"),
                adaptiveExact = DoubleColumn.create("exact, adaptive");
        for (Row r : rows) {
            ckpt.append(r.checkpoint());
            size.append(r.size());
            rule.append(r.rule());
            n.append(r.puzzles());
            batch.append(r.batch());
            nSup.append(r.supervisionSteps());
            fixed.append(round(r.fixedPerSecond()));
            adaptive.append(round(r.adaptivePerSecond()));
            speedUp.append(round(r.speedUp()));
            steps.append(round(r.adaptiveSteps()));
            fixedExact.append(round(r.fixedExact()));
            adaptiveExact.append(round(r.adaptiveExact()));
        }
        return Table.create(
                "inference throughput: fixed N_sup against adaptive halting (halted puzzles leave the batch)",
                ckpt,
                size,
                rule,
                n,
                batch,
                nSup,
                fixed,
                adaptive,
                speedUp,
                steps,
                fixedExact,
                adaptiveExact);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
