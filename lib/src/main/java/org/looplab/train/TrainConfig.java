package org.looplab.train;

import java.util.ArrayList;
import java.util.List;
import org.looplab.Profile;

/**
 * How a run trains (TRM paper, Hyper-parameters; TRM code config/cfg_pretrain.yaml, pretrain.py L148-214): optimiser,
 * schedule, EMA, halting exploration, budget and logging.
 *
 * @param batchSize                   slots of the streaming carry (768 in the papers)
 * @param maxSteps                    optimiser steps (= supervision steps of the slot batch) to run
 * @param maxMinutes                  wall-clock budget; 0 = none. Whichever limit comes first ends the run
 * @param learningRate                AdamW peak rate after warm-up (1e-4 in the papers)
 * @param warmupSteps                 linear warm-up from 0 (2000 in the papers), then constant
 * @param weightDecay                 AdamW decoupled decay (1.0 for Sudoku and Maze in TRM)
 * @param beta1                       AdamW β1 (0.9)
 * @param beta2                       AdamW β2 (0.95)
 * @param puzzleEmbeddingRate         sign-SGD rate for the puzzle-id table (1e-4 Sudoku/Maze)
 * @param puzzleEmbeddingDecay        sign-SGD decoupled decay (1.0 Sudoku/Maze)
 * @param emaDecay                    EMA of the weights used for evaluation and checkpoints (0.999)
 * @param haltExploration             probability a fresh slot draws a minimum of 2..N_sup steps (0.1)
 * @param augment                     draw a fresh validity-preserving augmentation for every puzzle a slot loads
 * @param logEvery                    steps per metrics line
 * @param evalEvery                   steps between held-out evaluations with the EMA weights (0 = only at the end)
 * @param evalPuzzles                 held-out puzzles used by those evaluations (the final one uses the whole test set)
 * @param checkpointEvery             steps between checkpoints when the run has an output folder (0 = only at the end)
 */
public record TrainConfig(
        int batchSize,
        long maxSteps,
        double maxMinutes,
        float learningRate,
        int warmupSteps,
        float weightDecay,
        float beta1,
        float beta2,
        float puzzleEmbeddingRate,
        float puzzleEmbeddingDecay,
        float emaDecay,
        double haltExploration,
        boolean augment,
        int logEvery,
        int evalEvery,
        int evalPuzzles,
        int checkpointEvery) {

    public TrainConfig { // runs for `new` and for Jackson alike, so a bad file fails here and names the field
        positive("batchSize", batchSize);
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1, was " + maxSteps);
        if (!(maxMinutes >= 0)) throw new IllegalArgumentException("maxMinutes must be >= 0, was " + maxMinutes);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
        if (warmupSteps < 0) throw new IllegalArgumentException("warmupSteps must be >= 0, was " + warmupSteps);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weightDecay must be >= 0, was " + weightDecay);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), was " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), was " + beta2);
        if (!(puzzleEmbeddingRate > 0))
            throw new IllegalArgumentException("puzzleEmbeddingRate must be > 0, was " + puzzleEmbeddingRate);
        if (!(puzzleEmbeddingDecay >= 0))
            throw new IllegalArgumentException("puzzleEmbeddingDecay must be >= 0, was " + puzzleEmbeddingDecay);
        if (!(emaDecay > 0 && emaDecay < 1))
            throw new IllegalArgumentException("emaDecay must be in (0, 1), was " + emaDecay);
        if (!(haltExploration >= 0 && haltExploration <= 1))
            throw new IllegalArgumentException("haltExploration must be in [0, 1], was " + haltExploration);
        positive("logEvery", logEvery);
        if (evalEvery < 0) throw new IllegalArgumentException("evalEvery must be >= 0, was " + evalEvery);
        positive("evalPuzzles", evalPuzzles);
        if (checkpointEvery < 0)
            throw new IllegalArgumentException("checkpointEvery must be >= 0, was " + checkpointEvery);
    }

    private static void positive(String field, int value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be >= 1, was " + value);
    }

    /** The papers' recipe (TRM code, Sudoku/Maze): batch 768, lr 1e-4, warm-up 2000, wd 1.0, EMA 0.999. */
    public static final TrainConfig PAPER = new TrainConfig(
            768, 65_104, 0, 1e-4f, 2000, 1.0f, 0.9f, 0.95f, 1e-4f, 1.0f, 0.999f, 0.1, true, 100, 5000, 1000, 5000);

    /**
     * The recipe for a profile and data set. cpu and smoke deviate from the paper (see {@link #deviations()}):
     * batch 64 and a few thousand steps instead of 768 and 65k, so the rate is 10× higher, the decay 10× lower
     * (the paper's lr·wd = 1e-4 per step of shrinkage is kept), warm-up is short and the EMA averages over the
     * last ~200 steps instead of ~1000: with 0.999 the average of a 3000-step run would still carry a large share
     * of the first, untrained weights.
     */
    public static TrainConfig of(Profile profile, String dataName) {
        return switch (profile) {
            case SMOKE ->
                new TrainConfig(16, 60, 0, 1e-3f, 10, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.9f, 0.1, true, 5, 30, 32, 0);
            case CPU ->
                switch (dataName) {
                    case "sudoku4" ->
                        new TrainConfig(
                                64, 4000, 15, 1e-3f, 200, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 500,
                                500, 500);
                    case "sudoku6" ->
                        new TrainConfig(
                                64, 20_000, 60, 1e-3f, 300, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 1000,
                                500, 1000);
                    default ->
                        new TrainConfig(
                                64, 10_000, 60, 1e-3f, 300, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 1000,
                                500, 1000);
                };
            case GPU -> PAPER;
        };
    }

    /** Where this recipe differs from the papers', one line each, for the run manifest. */
    public List<String> deviations() {
        List<String> out = new ArrayList<>();
        out.add("optimiser: AdamW (DJL), paper code uses AdamATan2; nano-trm reproduces the paper with AdamW");
        if (batchSize != PAPER.batchSize) out.add("batchSize " + batchSize + ", paper 768");
        if (maxSteps != PAPER.maxSteps)
            out.add("maxSteps " + maxSteps + ", paper ~65k (Sudoku 50k epochs over 1k puzzles)");
        if (learningRate != PAPER.learningRate) out.add("learningRate " + learningRate + ", paper 1e-4");
        if (warmupSteps != PAPER.warmupSteps) out.add("warmupSteps " + warmupSteps + ", paper 2000");
        if (weightDecay != PAPER.weightDecay) out.add("weightDecay " + weightDecay + ", paper 1.0 (Sudoku/Maze)");
        if (puzzleEmbeddingRate != PAPER.puzzleEmbeddingRate)
            out.add("puzzleEmbeddingRate " + puzzleEmbeddingRate + ", paper 1e-4");
        if (puzzleEmbeddingDecay != PAPER.puzzleEmbeddingDecay)
            out.add("puzzleEmbeddingDecay " + puzzleEmbeddingDecay + ", paper 1.0");
        if (emaDecay != PAPER.emaDecay)
            out.add("emaDecay " + emaDecay + ", paper 0.999 (short run: see TrainConfig.of)");
        out.add(
                "augmentation: a fresh random transform per loaded puzzle (reference: 1000 stored augmentations per puzzle)");
        out.add("no gradient clipping (none in the reference either)");
        return out;
    }

    public TrainConfig withSteps(long steps) {
        return new TrainConfig(
                batchSize,
                steps,
                maxMinutes,
                learningRate,
                warmupSteps,
                weightDecay,
                beta1,
                beta2,
                puzzleEmbeddingRate,
                puzzleEmbeddingDecay,
                emaDecay,
                haltExploration,
                augment,
                logEvery,
                evalEvery,
                evalPuzzles,
                checkpointEvery);
    }

    public TrainConfig withMinutes(double minutes) {
        return new TrainConfig(
                batchSize,
                maxSteps,
                minutes,
                learningRate,
                warmupSteps,
                weightDecay,
                beta1,
                beta2,
                puzzleEmbeddingRate,
                puzzleEmbeddingDecay,
                emaDecay,
                haltExploration,
                augment,
                logEvery,
                evalEvery,
                evalPuzzles,
                checkpointEvery);
    }

    public TrainConfig withBatchSize(int batch) {
        return new TrainConfig(
                batch,
                maxSteps,
                maxMinutes,
                learningRate,
                warmupSteps,
                weightDecay,
                beta1,
                beta2,
                puzzleEmbeddingRate,
                puzzleEmbeddingDecay,
                emaDecay,
                haltExploration,
                augment,
                logEvery,
                evalEvery,
                evalPuzzles,
                checkpointEvery);
    }

    public TrainConfig withRate(float rate, int warmup) {
        return new TrainConfig(
                batchSize,
                maxSteps,
                maxMinutes,
                rate,
                warmup,
                weightDecay,
                beta1,
                beta2,
                puzzleEmbeddingRate,
                puzzleEmbeddingDecay,
                emaDecay,
                haltExploration,
                augment,
                logEvery,
                evalEvery,
                evalPuzzles,
                checkpointEvery);
    }

    public TrainConfig withEma(float decay) {
        return new TrainConfig(
                batchSize,
                maxSteps,
                maxMinutes,
                learningRate,
                warmupSteps,
                weightDecay,
                beta1,
                beta2,
                puzzleEmbeddingRate,
                puzzleEmbeddingDecay,
                decay,
                haltExploration,
                augment,
                logEvery,
                evalEvery,
                evalPuzzles,
                checkpointEvery);
    }

    public TrainConfig withAugment(boolean on) {
        return new TrainConfig(
                batchSize,
                maxSteps,
                maxMinutes,
                learningRate,
                warmupSteps,
                weightDecay,
                beta1,
                beta2,
                puzzleEmbeddingRate,
                puzzleEmbeddingDecay,
                emaDecay,
                haltExploration,
                on,
                logEvery,
                evalEvery,
                evalPuzzles,
                checkpointEvery);
    }

    /** Logging, evaluation and checkpoint cadence in steps (0 for eval/checkpoint = only at the end). */
    public TrainConfig withCadence(int log, int eval, int evalCount, int checkpoint) {
        return new TrainConfig(
                batchSize,
                maxSteps,
                maxMinutes,
                learningRate,
                warmupSteps,
                weightDecay,
                beta1,
                beta2,
                puzzleEmbeddingRate,
                puzzleEmbeddingDecay,
                emaDecay,
                haltExploration,
                augment,
                log,
                eval,
                evalCount,
                checkpoint);
    }
}
