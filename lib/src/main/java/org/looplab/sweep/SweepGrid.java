package org.looplab.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.looplab.model.Backprop;

/**
 * One factorial block of a sweep: every task × model × n × T × width, each with every seed of the spec.
 * An absent factor list keeps the model family's value for the profile and task (one value, not a sweep).
 * Several grids make a one-factor-at-a-time design; a cell that two grids share runs once.
 *
 * @param name         shown in the results' {@code grids} column, e.g. "mixer", "depth", "width"
 * @param tasks        data set names (sudoku4, sudoku6, maze11, …)
 * @param models       model families: trm-mlp, trm-att (hrm and direct take no n/T/width overrides)
 * @param latentSteps  n values
 * @param recursions   T values
 * @param hiddenSize   widths
 * @param supervisionSteps N_sup values (the deck's picture: n = 1, T = 1 and more supervision steps)
 * @param backprop     FULL_RECURSION and/or ONE_STEP (the paper's "w/ 1-step gradient" ablation)
 * @param heads        attention heads (the width must divide by each; with RoPE, width/heads must be even); the
 *                     MLP mixer has none, so a grid of MLP models leaves it out. Not in the folder name (the hash
 *                     has it): give each head count its own grid name, so that tables keep them apart
 * @param train        overrides on top of the spec's
 */
public record SweepGrid(
        String name,
        List<String> tasks,
        List<String> models,
        List<Integer> latentSteps,
        List<Integer> recursions,
        List<Integer> hiddenSize,
        List<Integer> supervisionSteps,
        List<Backprop> backprop,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> heads,
        TrainOverrides train) {

    /** A grid over n, T and width only (N_sup and back-propagation as the family's). */
    public SweepGrid(
            String name,
            List<String> tasks,
            List<String> models,
            List<Integer> latentSteps,
            List<Integer> recursions,
            List<Integer> hiddenSize,
            TrainOverrides train) {
        this(name, tasks, models, latentSteps, recursions, hiddenSize, null, null, null, train);
    }

    public SweepGrid {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("grid.name must be given");
        nonEmpty(name, "tasks", tasks);
        nonEmpty(name, "models", models);
        positive(name, "latentSteps", latentSteps);
        positive(name, "recursions", recursions);
        positive(name, "hiddenSize", hiddenSize);
        positive(name, "supervisionSteps", supervisionSteps);
        positive(name, "heads", heads);
        if (backprop != null && (backprop.isEmpty() || backprop.contains(null)))
            throw new IllegalArgumentException("grid " + name + ": backprop must list FULL_RECURSION and/or ONE_STEP");
    }

    private static void nonEmpty(String grid, String field, List<?> values) {
        if (values == null || values.isEmpty())
            throw new IllegalArgumentException("grid " + grid + ": " + field + " must list at least one value");
    }

    private static void positive(String grid, String field, List<Integer> values) {
        if (values == null) return;
        if (values.isEmpty())
            throw new IllegalArgumentException(
                    "grid " + grid + ": " + field + " is empty (leave it out to keep the default)");
        for (Integer v : values)
            if (v == null || v < 1)
                throw new IllegalArgumentException("grid " + grid + ": " + field + " must be >= 1, was " + v);
    }
}
