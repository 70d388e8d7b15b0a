package org.looplab.serve;

import java.nio.file.Path;
import org.looplab.data.PuzzleKind;
import org.looplab.model.Checkpoint;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.provenance.RunFolder;

/**
 * A checkpoint loaded for answering: the model, what it solves and where it came from.
 *
 * @param name     the checkpoint folder's name (how a caller sees which model answered)
 * @param folder   where it was loaded from
 * @param kind     SUDOKU or MAZE
 * @param side     grid side: 4, 6 or 9 for Sudoku, n for an n×n maze
 * @param manifest the run manifest beside it, or null when there is none
 */
public record LoadedSolver(
        String name, Path folder, PuzzleKind kind, int side, ReasoningModel model, SolverManifest manifest)
        implements AutoCloseable {

    /** The folder of a training run's weights (the EMA average, what evaluation loads), inside the run folder. */
    public static final String RUN_MODEL = RunFolder.MODEL;

    /**
     * Loads {@code folder}: a checkpoint ({@code config.json} + weights), a training run folder that holds one in
     * {@code model/} beside its {@code manifest.json}, or that {@code model/} folder. A checkpoint for anything but
     * Sudoku or a maze fails, naming the folder.
     */
    public static LoadedSolver load(Path folder) {
        RunFolder run = RunFolder.of(folder.toAbsolutePath().normalize());
        SolverManifest manifest = SolverManifest.of(run);
        ReasoningModel model = Checkpoint.load(run.checkpoint());
        try {
            PuzzleKind kind = kindOf(model.task(), run.name(), manifest);
            return new LoadedSolver(
                    run.name(),
                    folder.toAbsolutePath().normalize(),
                    kind,
                    (int) Math.round(Math.sqrt(model.task().gridCells())),
                    model,
                    manifest);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The task shape alone is ambiguous: a 4×4 Sudoku and a 4×4 maze both have 16 cells and 6 tokens. The data set
     * named in the run manifest decides first, then the folder name, then the shape (Sudoku when it fits).
     */
    static PuzzleKind kindOf(TaskShape task, String folderName, SolverManifest manifest) {
        PuzzleKind named = manifest == null || manifest.dataName() == null
                ? PuzzleKind.OTHER
                : PuzzleKind.ofName(manifest.dataName());
        if (named == PuzzleKind.SUDOKU || named == PuzzleKind.MAZE) return named;
        PuzzleKind shaped = PuzzleKind.ofShape(task.vocabSize(), task.gridCells(), folderName);
        if (shaped == PuzzleKind.SUDOKU || shaped == PuzzleKind.MAZE) return shaped;
        throw new IllegalArgumentException(folderName + ": task " + task + " is neither a Sudoku (4, 6, 9) nor a maze");
    }

    /** Its steps budget N_sup: the most a caller may ask for. */
    public int supervisionSteps() {
        return model.config().supervisionSteps();
    }

    /** {@code 4x4 Sudoku}, {@code 11x11 maze}. */
    public String label() {
        return side + "x" + side + (kind == PuzzleKind.MAZE ? " maze" : " Sudoku");
    }

    /** Who answered, as a caller sees it. */
    public ModelRef ref() {
        return new ModelRef(name, manifest == null ? null : manifest.id());
    }

    @Override
    public void close() {
        model.close();
    }
}
