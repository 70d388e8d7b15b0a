package org.looplab.serve;

import java.nio.file.Path;
import java.util.Locale;
import org.looplab.data.PuzzleSize;
import org.looplab.model.Preset;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.provenance.RunFolder;

/**
 * Which checkpoint a notebook, test or benchmark serves: the shipped one ({@code data/checkpoints/<name>}: a checkpoint or a training run folder, trained,
 * with its manifest) when it is there, else an untrained stand-in of the same task written to a scratch folder.
 * The stand-in has the tiny preset's architecture and random weights: its answers are mostly wrong, which is what
 * the verifier is for, and its folder name starts with {@code untrained-} so no reader mistakes it.
 */
public final class SolverCheckpoints {
    private SolverCheckpoints() {}

    /**
     * @param name    e.g. {@code trm-mlp-sudoku4}, {@code trm-mlp-sudoku6}; the trailing task ({@code sudokuN},
     *                {@code mazeN}) says what the stand-in is built for
     * @param folder  where it is
     * @param shipped true for the trained checkpoint from {@code data/checkpoints}
     */
    public record Choice(String name, Path folder, boolean shipped) {}

    public static final String UNTRAINED_PREFIX = "untrained-";

    /** {@code dataRoot/checkpoints/name} when it holds a checkpoint, else a stand-in under {@code scratch}. */
    public static Choice shippedOrUntrained(String name, Path dataRoot, Path scratch) {
        Path shipped = dataRoot.resolve("checkpoints").resolve(name);
        if (RunFolder.of(shipped).holdsModel())
            return new Choice(name, shipped.toAbsolutePath().normalize(), true);
        return new Choice(name, untrained(name, scratch), false);
    }

    /**
     * An untrained tiny TRM-MLP for the task at the end of {@code name}, written under {@code scratch}. Rewritten on
     * every call (milliseconds): one left by an older build may no longer load once the config format has grown.
     */
    public static Path untrained(String name, Path scratch) {
        Path folder = scratch.resolve(UNTRAINED_PREFIX + name).toAbsolutePath().normalize();
        try (ReasoningModel m = Preset.TRM_MLP_TINY.config().build(taskOf(name), 0)) {
            m.save(folder);
        }
        return folder;
    }

    /**
     * The task in a checkpoint name: its last part that names one ({@code ...-sudoku6} is a 6×6 Sudoku,
     * {@code ...-maze11} an 11×11 maze, {@code trm-mlp-maze9-unique} a 9×9 maze: the data set's variant comes after).
     */
    static TaskShape taskOf(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).split("-");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (PuzzleSize.parseOrNull(parts[i]) != null) return TaskShape.of(parts[i]);
        }
        throw new IllegalArgumentException(
                "checkpoint name '" + name + "' names no task (a part such as sudoku6 or maze11)");
    }
}
