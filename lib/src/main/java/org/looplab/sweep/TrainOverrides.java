package org.looplab.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.looplab.provenance.OlderForms;
import org.looplab.train.TrainConfig;
import org.looplab.train.UpdateRule;

/**
 * The parts of the profile's training recipe ({@link TrainConfig#of}) a sweep may change; a null field keeps the
 * recipe's value. A sweep never has a wall-clock budget: every cell trains a fixed number of steps, so a cell's
 * result depends on its config and seed, not on how busy the machine was.
 *
 * @param steps           optimiser steps per run (required somewhere: in the spec or in every grid)
 * @param warmupSteps     linear warm-up of the learning rate
 * @param learningRate    AdamW peak rate
 * @param emaDecay        EMA of the weights that are evaluated (short runs need a short average)
 * @param evalEvery       held-out checks during training, for the training curves (0 = only at the end)
 * @param evalPuzzles     held-out puzzles per check
 * @param checkpointEvery steps between checkpoints, which is how far an interrupted run falls back
 * @param batchSize       slots of the streaming carry (the recipe's 64 on cpu): on one CPU thread a step costs about
 *                        in proportion to it, so a smaller batch buys more optimiser steps per hour
 * @param optimiser       the weights' update rule ({@code "ADAM_ATAN2"} for the paper code's optimiser)
 */
@OlderForms(TrainOverrides.Upgrade.class)
public record TrainOverrides(
        Long steps,
        Integer warmupSteps,
        Float learningRate,
        Float emaDecay,
        Integer evalEvery,
        Integer evalPuzzles,
        Integer checkpointEvery,
        Integer batchSize,
        @JsonInclude(JsonInclude.Include.NON_NULL) UpdateRule optimiser) {

    /** Results files written before the optimiser could be overridden (and every spec that leaves it out since). */
    public static final class Upgrade implements OlderForms.Upgrade {
        @Override
        public ObjectNode apply(ObjectNode stored) {
            if (!stored.has("optimiser")) stored.putNull("optimiser");
            return stored;
        }
    }

    public static final TrainOverrides NONE = new TrainOverrides(null, null, null, null, null, null, null, null, null);

    /** Without a batch size or optimiser: the recipe's. */
    public TrainOverrides(
            Long steps,
            Integer warmupSteps,
            Float learningRate,
            Float emaDecay,
            Integer evalEvery,
            Integer evalPuzzles,
            Integer checkpointEvery) {
        this(steps, warmupSteps, learningRate, emaDecay, evalEvery, evalPuzzles, checkpointEvery, null, null);
    }

    /** This, with {@code more}'s non-null fields taking precedence. */
    public TrainOverrides then(TrainOverrides more) {
        if (more == null) return this;
        return new TrainOverrides(
                pick(more.steps, steps),
                pick(more.warmupSteps, warmupSteps),
                pick(more.learningRate, learningRate),
                pick(more.emaDecay, emaDecay),
                pick(more.evalEvery, evalEvery),
                pick(more.evalPuzzles, evalPuzzles),
                pick(more.checkpointEvery, checkpointEvery),
                pick(more.batchSize, batchSize),
                pick(more.optimiser, optimiser));
    }

    /** {@code recipe} with these fields applied and the wall-clock budget removed. */
    public TrainConfig applyTo(TrainConfig recipe, String where) {
        if (steps == null)
            throw new IllegalArgumentException(where + ": train.steps must be given (the spec's or the grid's)");
        return recipe.toBuilder()
                .maxSteps(steps)
                .maxMinutes(0)
                .learningRate(pick(learningRate, recipe.learningRate()))
                .warmupSteps(pick(warmupSteps, recipe.warmupSteps()))
                .emaDecay(pick(emaDecay, recipe.emaDecay()))
                .batchSize(pick(batchSize, recipe.batchSize()))
                .optimiser(pick(optimiser, recipe.optimiser()))
                .evalEvery(pick(evalEvery, recipe.evalEvery()))
                .evalPuzzles(pick(evalPuzzles, recipe.evalPuzzles()))
                .checkpointEvery(pick(checkpointEvery, recipe.checkpointEvery()))
                .build();
    }

    private static <T> T pick(T first, T fallback) {
        return first != null ? first : fallback;
    }
}
