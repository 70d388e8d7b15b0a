package org.looplab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.DirectConfig;
import org.looplab.model.HrmConfig;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;

/**
 * What {@code looplab train --model} names: a model family, sized by profile and task. The model package's
 * presets give the paper, small and tiny sizes; this picks one per profile and shrinks the small ones for the
 * easiest tasks, where the paper's n=6, T=3 and hidden 128 cost CPU minutes without buying accuracy.
 */
public enum ModelFamily {
    TRM_MLP("trm-mlp"),
    TRM_ATT("trm-att"),
    HRM("hrm"),
    DIRECT("direct");

    private final String id;

    ModelFamily(String id) {
        this.id = id;
    }

    /** The name {@code --model} takes; also its JSON form. */
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static ModelFamily of(String name) {
        for (ModelFamily f : values()) if (f.id.equals(name.trim().toLowerCase(Locale.ROOT))) return f;
        throw new IllegalArgumentException("model must be one of " + names() + "; was '" + name + "'");
    }

    public static String names() {
        return Arrays.stream(values()).map(ModelFamily::id).collect(Collectors.joining(", "));
    }

    /** The config for a profile and task (see {@link TrainConfig#of} for the matching training recipe). */
    public ModelConfig config(Profile profile, PuzzleTask task) {
        return switch (this) {
            case TRM_MLP -> trm(TrmConfig.PAPER_MLP, TrmConfig.SMALL_MLP, TrmConfig.TINY_MLP, profile, task);
            case TRM_ATT ->
                trm(TrmConfig.PAPER_ATTENTION, TrmConfig.SMALL_ATTENTION, TrmConfig.TINY_ATTENTION, profile, task);
            case HRM ->
                switch (profile) {
                    case SMOKE -> HrmConfig.TINY;
                    // DEVIATION: hidden 64 on 4×4 and 6×6 Sudoku (paper 512), 2+2 layers (paper 4+4).
                    case CPU -> smallGrid(task) ? HrmConfig.SMALL.withSize(64, 4) : HrmConfig.SMALL;
                    case GPU -> HrmConfig.PAPER;
                };
            case DIRECT ->
                switch (profile) {
                    case SMOKE -> DirectConfig.TINY;
                    case CPU -> DirectConfig.SMALL;
                    case GPU -> DirectConfig.PAPER;
                };
        };
    }

    private static TrmConfig trm(TrmConfig paper, TrmConfig small, TrmConfig tiny, Profile profile, PuzzleTask task) {
        return switch (profile) {
            case SMOKE -> tiny;
            // DEVIATION: on 4×4 and 6×6 Sudoku hidden 64, n=3, T=2 (paper 512, n=6, T=3): small grids need little
            // depth, and this is ~6× cheaper per step than hidden 128, n=6, T=3, which is what fits the 15- and
            // 60-minute CPU budgets (more steps beat a bigger model there).
            case CPU -> smallGrid(task) ? small.withSize(64, 4).withRecursion(3, 2) : small;
            case GPU -> paper;
        };
    }

    /**
     * The tasks that get the cheap cpu sizes: the two easy Sudoku sets the shipped checkpoints were trained on. Not
     * sudoku6-hard: its runs (and their sweep cache keys) use the standard small sizes.
     */
    private static boolean smallGrid(PuzzleTask task) {
        return switch (task) {
            case SUDOKU4, SUDOKU6 -> true;
            default -> false;
        };
    }
}
