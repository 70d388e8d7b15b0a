package org.looplab.tool;

import org.looplab.Profile;
import org.looplab.analysis.Evaluation;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.DataSetFolder;
import org.looplab.data.PuzzleKind;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;
import org.looplab.model.ReasoningModel;
import org.looplab.train.RunManifest;
import org.looplab.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code looplab eval --checkpoint DIR [--data NAME | --puzzles FILE] [--adaptive-threshold P]}: held-out accuracy
 * of a checkpoint's EMA weights. Prints {@code exact_accuracy}, {@code cell_accuracy} and {@code mean_steps}: after
 * all N_sup steps by default; with a threshold, at each puzzle's halting step (and the full reading as
 * {@code full_*}).
 */
@Command(name = "eval", description = "Evaluate a checkpoint on held-out puzzles (exact match first).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "a run folder written by looplab train")
    Path checkpoint;

    @Option(names = "--data", description = "data set name (default: the run's), its test split is used")
    String data;

    @Option(names = "--puzzles", description = "Sudoku text file, one puzzle a line; labels from the classical solver")
    Path puzzles;

    @Option(names = "--adaptive-threshold", description = "stop a puzzle when sigmoid(q_halt) >= P")
    Double threshold;

    @Option(names = "--data-root", defaultValue = "data", description = "where data sets live (default ${DEFAULT-VALUE})")
    Path dataRoot;

    @Override
    public Integer call() {
        if (data != null && puzzles != null) throw new IllegalArgumentException("give --data or --puzzles, not both");
        RunManifest m = TrainingRun.readManifest(checkpoint);
        PuzzleDataSet test = puzzles != null ? fromText(puzzles)
                : DataSetFolder.load(data != null ? data : m.data().name(), Profile.parse(m.data().profile()),
                        dataRoot).test();
        try (ReasoningModel model = TrainingRun.loadModel(checkpoint)) {
            Evaluation.Result r = Evaluation.run(model, test, m.data().trainSha256(), threshold == null ? 0.5 : threshold);
            System.out.println("checkpoint: " + checkpoint + " (" + m.id() + ", " + m.steps() + " steps)");
            System.out.println("data: " + test.name() + " (" + r.puzzles() + " puzzles)");
            if (threshold == null) print(r);
            else {
                System.out.printf(Locale.ROOT, "exact_accuracy: %.4f%ncell_accuracy: %.4f%nmean_steps: %.2f%n",
                        r.adaptiveExact(), r.adaptiveCell(), r.meanSteps());
                System.out.printf(Locale.ROOT, "threshold: %s%nfull_exact_accuracy: %.4f%nfull_cell_accuracy: %.4f%n",
                        threshold, r.exactAccuracy(), r.cellAccuracy());
            }
        }
        return 0;
    }

    /** The full-N_sup reading (the reference's evaluation) and the adaptive one at threshold 0.5. */
    static void print(Evaluation.Result r) {
        System.out.print(lines(r));
    }

    static String lines(Evaluation.Result r) {
        return String.format(Locale.ROOT, "exact_accuracy: %.4f%ncell_accuracy: %.4f%nmean_steps: %.2f%n"
                        + "adaptive_exact_accuracy@%.2f: %.4f%nadaptive_mean_steps@%.2f: %.2f%n",
                r.exactAccuracy(), r.cellAccuracy(), (double) r.supervisionSteps(), r.threshold(), r.adaptiveExact(),
                r.threshold(), r.meanSteps());
    }

    /** Puzzles from a text file; each must have a unique solution, which the classical solver supplies as label. */
    static PuzzleDataSet fromText(Path file) {
        List<Sudoku> grids;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            grids = SudokuText.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (grids.isEmpty()) throw new IllegalArgumentException(file + ": no puzzles");
        int side = grids.get(0).side();
        int cells = side * side;
        byte[] inputs = new byte[grids.size() * cells], labels = new byte[grids.size() * cells];
        SudokuSolver solver = SudokuSolver.of(grids.get(0).shape());
        for (int i = 0; i < grids.size(); i++) {
            Sudoku g = grids.get(i);
            if (g.side() != side) throw new IllegalArgumentException(file + ": puzzle " + (i + 1) + " is " + g.side()
                    + "×" + g.side() + ", the first is " + side + "×" + side);
            SudokuSolver.Result r = solver.solve(g);
            if (r.solutions() != 1) throw new IllegalArgumentException(file + ": puzzle " + (i + 1) + " has "
                    + r.solutions() + " solutions (needs exactly 1)");
            System.arraycopy(SudokuEncoding.encode(g), 0, inputs, i * cells, cells);
            System.arraycopy(SudokuEncoding.encode(r.solution()), 0, labels, i * cells, cells);
        }
        return new PuzzleDataSet(file.getFileName().toString(), PuzzleKind.SUDOKU, side,
                SudokuEncoding.vocab(grids.get(0).shape()), cells, inputs, labels, new int[grids.size()],
                new int[grids.size()]);
    }
}
