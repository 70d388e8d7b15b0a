package org.looplab.tool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.looplab.analysis.ArcEvaluation;
import org.looplab.analysis.Evaluation;
import org.looplab.analysis.EvaluationTotals;
import org.looplab.data.DataSetFolder;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.data.PuzzleSplits;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;
import org.looplab.model.Checkpoint;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionDepth;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.RunFolder;
import org.looplab.train.RunManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code looplab eval --checkpoint DIR [--data NAME | --puzzles FILE] [--adaptive-threshold P]}: held-out accuracy
 * of a checkpoint's EMA weights. Prints {@code exact_accuracy}, {@code cell_accuracy} and {@code mean_steps}: after
 * all N_sup steps by default; with a threshold, at each puzzle's halting step (and the full reading as
 * {@code full_*}). On an ARC set it votes over the augmented versions instead and prints {@code pass_at_1} and
 * {@code pass_at_2}, writing the per-task table beside the checkpoint ({@link ArcEvaluation}).
 */
@Command(
        name = "eval",
        description = "Evaluate a checkpoint on held-out puzzles (exact match first). A --puzzles file "
                + "is read and evaluated 1,024 puzzles at a time, with progress on stderr.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "a run folder written by looplab train")
    Path checkpoint;

    @Option(names = "--data", description = "data set name (default: the run's), its test split is used")
    String data;

    @Option(names = "--puzzles", description = "Sudoku text file, one puzzle a line; labels from the classical solver")
    Path puzzles;

    @Option(names = "--adaptive-threshold", description = "stop a puzzle when sigmoid(q_halt) >= P")
    Double threshold;

    @Option(
            names = "--table",
            description = "ARC: where the per-task pass@k table goes (default <checkpoint>/" + ARC_TABLE + ")")
    Path table;

    @Option(
            names = "--recursion",
            paramLabel = "N,T",
            description = "run the TRM's weights at this recursion depth (n latent updates, T rounds per supervision"
                    + " step) instead of the one it trained at: does it gain from thinking longer?")
    String recursion;

    @Option(
            names = "--data-root",
            defaultValue = "data",
            description = "where data sets live (default ${DEFAULT-VALUE})")
    Path dataRoot;

    @Override
    public Integer call() {
        if (data != null && puzzles != null) throw new IllegalArgumentException("give --data or --puzzles, not both");
        RunFolder run = RunFolder.of(checkpoint);
        RunManifest m = RunManifest.read(run);
        double p = threshold == null ? 0.5 : threshold;
        RecursionDepth depth = recursion == null ? null : RecursionDepth.parse(recursion);
        PuzzleSplits splits = puzzles != null
                ? null
                : DataSetFolder.buildIfAbsent( // built when missing, as training does; never replaced
                        data != null ? data : m.data().name(), m.data().profile(), dataRoot);
        PuzzleDataSet test = splits == null ? null : splits.test();
        if (test != null && test.kind() == PuzzleKind.ARC) {
            if (threshold != null)
                throw new IllegalArgumentException(
                        "--adaptive-threshold is not for ARC: its votes use all N_sup steps");
            try (ReasoningModel model = Checkpoint.load(run.checkpoint(), depth)) {
                ArcEvaluation.Result r =
                        ArcEvaluation.run(model, splits, m.data().trainSha256());
                Path out = table != null ? table : checkpoint.resolve(ARC_TABLE);
                AtomicFiles.writeString(out, r.table());
                System.out.println("checkpoint: " + checkpoint + " (" + m.id() + ", " + m.steps() + " steps)");
                System.out.print(arcLines(r));
                System.out.println("table: " + out);
            }
            return 0;
        }
        try (ReasoningModel model = Checkpoint.load(run.checkpoint(), depth)) {
            if (depth != null)
                System.out.println("recursion: " + depth + " (trained at "
                        + RecursionDepth.of(m.config().model()) + ")");
            Evaluation.Result r = test != null
                    ? Evaluation.run(model, test, m.data().trainSha256(), p)
                    : fromText(puzzles, model, m.data().trainSha256(), p, CHUNK, System.err, PROGRESS_EVERY_NANOS);
            System.out.println("checkpoint: " + checkpoint + " (" + m.id() + ", " + m.steps() + " steps)");
            System.out.println("data: " + r.data() + " (" + r.puzzles() + " puzzles)");
            if (threshold == null) print(r);
            else {
                System.out.printf(
                        Locale.ROOT,
                        "exact_accuracy: %.4f%ncell_accuracy: %.4f%nmean_steps: %.2f%n",
                        r.adaptiveExact(),
                        r.adaptiveCell(),
                        r.meanSteps());
                System.out.printf(
                        Locale.ROOT,
                        "threshold: %s%nfull_exact_accuracy: %.4f%nfull_cell_accuracy: %.4f%n",
                        threshold,
                        r.exactAccuracy(),
                        r.cellAccuracy());
            }
        }
        return 0;
    }

    /** Where eval writes an ARC checkpoint's per-task table by default, inside the checkpoint folder. */
    static final String ARC_TABLE = "arc-eval.tsv";

    /** The ARC reading: tasks, test pairs, versions voted, pass@1 and pass@2 (mean over tasks). */
    static String arcLines(ArcEvaluation.Result r) {
        return String.format(
                Locale.ROOT,
                "data: %s (%d tasks, %d test pairs, %d versions voted)%npass_at_1: %.4f%npass_at_2: %.4f%n",
                r.data(),
                r.tasks().size(),
                r.pairs().size(),
                r.rows(),
                r.passAt1(),
                r.passAt2());
    }

    /** The full-N_sup reading (the reference's evaluation) and the adaptive one at threshold 0.5. */
    static void print(Evaluation.Result r) {
        System.out.print(lines(r));
    }

    static String lines(Evaluation.Result r) {
        return String.format(
                Locale.ROOT,
                "exact_accuracy: %.4f%ncell_accuracy: %.4f%nmean_steps: %.2f%n"
                        + "adaptive_exact_accuracy@%.2f: %.4f%nadaptive_mean_steps@%.2f: %.2f%n",
                r.exactAccuracy(),
                r.cellAccuracy(),
                (double) r.supervisionSteps(),
                r.threshold(),
                r.adaptiveExact(),
                r.threshold(),
                r.meanSteps());
    }

    /** Puzzles read and evaluated this many at a time: memory stays flat however long the file is. */
    static final int CHUNK = 1024;

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    /**
     * Evaluates the puzzles of a text file a chunk at a time, with labels from the classical solver (each puzzle must
     * have exactly one solution), printing progress to {@code progress} every few seconds.
     */
    static Evaluation.Result fromText(
            Path file,
            ReasoningModel model,
            String trainSha256,
            double threshold,
            int chunkSize,
            PrintStream progress,
            long progressEveryNanos) {
        EvaluationTotals totals = new EvaluationTotals();
        long started = System.nanoTime(), reported = started;
        int side = 0; // the first puzzle's; every other must match it
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            List<Sudoku> chunk = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            String line;
            while (true) {
                line = in.readLine();
                if (line != null) {
                    number++;
                    line = SudokuText.withoutBom(line, number);
                    if (line.isBlank() || line.startsWith("#")) continue;
                    chunk.add(SudokuText.parse(line, file.toString(), number));
                    lines.add(number);
                }
                if (chunk.size() == chunkSize || (line == null && !chunk.isEmpty())) {
                    if (side == 0) side = chunk.get(0).side();
                    PuzzleDataSet part = labelled(file, chunk, lines, side);
                    totals.add(Evaluation.run(model, part, trainSha256, threshold));
                    chunk.clear();
                    lines.clear();
                    long now = System.nanoTime();
                    if (now - reported >= progressEveryNanos && line != null) {
                        reported = now;
                        progress.printf(
                                Locale.ROOT,
                                "eval: %d puzzles, %.0f/s%n",
                                totals.puzzles(),
                                totals.puzzles() / ((now - started) / 1e9));
                    }
                }
                if (line == null) break;
            }
        } catch (java.nio.charset.CharacterCodingException e) { // the decoder's own text is "Input length = 1"
            throw new IllegalArgumentException(file + " line " + (number + 1) + ": " + ErrorLine.of(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        if (totals.puzzles() == 0) throw new IllegalArgumentException(file + ": no puzzles");
        return totals.total(file.getFileName().toString());
    }

    /** One chunk as a data set, labelled by the classical solver (in parallel: on 9×9 it costs as much as the model). */
    private static PuzzleDataSet labelled(Path file, List<Sudoku> grids, List<Integer> lines, int side) {
        int cells = side * side;
        byte[] inputs = new byte[grids.size() * cells], labels = new byte[grids.size() * cells];
        for (int i = 0; i < grids.size(); i++) {
            Sudoku g = grids.get(i);
            if (g.side() != side)
                throw new IllegalArgumentException(file + " line " + lines.get(i) + ": puzzle is " + g.side() + "×"
                        + g.side() + ", the first is " + side + "×" + side);
        }
        SudokuSolver solver = SudokuSolver.of(grids.get(0).shape());
        SudokuSolver.Result[] solved = new SudokuSolver.Result[grids.size()];
        IntStream.range(0, grids.size()).parallel().forEach(i -> solved[i] = solver.solve(grids.get(i)));
        for (int i = 0; i < grids.size(); i++) { // in order, so the first bad line is the one named
            if (solved[i].solutions() != 1)
                throw new IllegalArgumentException(file + " line " + lines.get(i) + ": " + solved[i].solutions()
                        + " solutions (a puzzle needs exactly 1)");
            System.arraycopy(SudokuEncoding.encode(grids.get(i)), 0, inputs, i * cells, cells);
            System.arraycopy(SudokuEncoding.encode(solved[i].solution()), 0, labels, i * cells, cells);
        }
        return new PuzzleDataSet(
                file.getFileName().toString(),
                PuzzleKind.SUDOKU,
                side,
                SudokuEncoding.vocab(grids.get(0).shape()),
                cells,
                inputs,
                labels,
                new int[grids.size()],
                new int[grids.size()]);
    }
}
