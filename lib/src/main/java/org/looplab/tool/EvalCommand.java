package org.looplab.tool;

import org.looplab.analysis.Evaluation;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleKind;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;
import org.looplab.model.Checkpoint;
import org.looplab.data.RatedSudokuFile;
import org.looplab.model.ReasoningModel;
import org.looplab.provenance.RunFolder;
import org.looplab.train.RunManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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
        RunFolder run = RunFolder.of(checkpoint);
        RunManifest m = RunManifest.read(run);
        PuzzleDataSet test = puzzles != null ? fromText(puzzles)
                : PuzzleDataSets.loadOrBuild(data != null ? data : m.data().name(), m.data().profile(),
                        dataRoot).test();
        try (ReasoningModel model = Checkpoint.load(run.checkpoint())) {
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

    /** Puzzles from a text file, labelled and rated by the classical solver. */
    static PuzzleDataSet fromText(Path file) {
        return RatedSudokuFile.read(file);
    }
}
