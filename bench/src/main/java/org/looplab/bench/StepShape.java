package org.looplab.bench;

import java.util.List;
import java.util.Locale;
import org.looplab.model.Mixer;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;

/**
 * The size of a timed TRM: Sudoku of side {@code side}, the width and the recursion (2 layers, expansion 4, 4 heads,
 * the cpu recipe around it). {@code bench/trm_step.py} builds the same model from {@link #scriptArguments()}.
 *
 * @param side        4, 6 or 9 (vocab side + 2, side² cells, 16 prefix positions)
 * @param hidden      width, a multiple of the 4 attention heads
 * @param latentSteps n in the paper
 * @param recursions  T in the paper
 */
public record StepShape(int side, int hidden, int latentSteps, int recursions) {
    public StepShape {
        if (side != 4 && side != 6 && side != 9)
            throw new IllegalArgumentException("side must be 4, 6 or 9 (Sudoku), was " + side);
        if (hidden < 4 || hidden % 4 != 0)
            throw new IllegalArgumentException("hidden must be a positive multiple of 4 (the heads), was " + hidden);
        if (latentSteps < 1) throw new IllegalArgumentException("latentSteps (n) must be >= 1, was " + latentSteps);
        if (recursions < 1) throw new IllegalArgumentException("recursions (T) must be >= 1, was " + recursions);
    }

    public TaskShape task() {
        return TaskShape.sudoku(side);
    }

    /** The cpu profile's TRM with {@code mixer}, at this width, n and T (2 layers, expansion 4, 4 heads). */
    public TrmConfig trm(Mixer mixer) {
        TrmConfig base = mixer == Mixer.MLP ? TrmConfig.SMALL_MLP : TrmConfig.SMALL_ATTENTION;
        return base.withSize(hidden, base.heads()).withRecursion(latentSteps, recursions);
    }

    /** The same size at another width. */
    public StepShape withHidden(int width) {
        return new StepShape(side, width, latentSteps, recursions);
    }

    /** Positions the net sees: the puzzle-id prefix and the grid. */
    public int sequenceLength() {
        return task().sequenceLength(trm(Mixer.MLP).prefixLength());
    }

    /** {@code sudoku9}: the task's name in {@code trm_step.py}'s {@code --task} and {@code --count-params}. */
    public String taskName() {
        return "sudoku" + side;
    }

    /** {@code trm_step.py}'s arguments for this size. */
    public List<String> scriptArguments() {
        return List.of(
                "--task",
                taskName(),
                "--hidden",
                "" + hidden,
                "--latent-steps",
                "" + latentSteps,
                "--recursions",
                "" + recursions);
    }

    /** For table headers: "6×6 Sudoku (36 cells), hidden 64, n 1, T 1". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d×%d Sudoku (%d cells), hidden %d, n %d, T %d",
                side,
                side,
                side * side,
                hidden,
                latentSteps,
                recursions);
    }
}
