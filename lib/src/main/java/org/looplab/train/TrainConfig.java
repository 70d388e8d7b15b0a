package org.looplab.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.provenance.OlderForms;

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
 * @param optimiser                   the update rule of the weights' optimiser (absent in JSON: {@link UpdateRule#ADAMW}).
 *                                    Left out of the JSON at its default, so every run and sweep cache key made before
 *                                    the field existed keeps its meaning and its key
 * @param lrMinRatio                  where the learning rate ends: after warm-up it follows a half cosine from the peak
 *                                    down to {@code lrMinRatio × peak} at {@code maxSteps} (the references'
 *                                    {@code lr_min_ratio}; their configs keep 1.0, a constant rate, as does every
 *                                    recipe here). The puzzle table's sign-SGD decays by the same factor, as the
 *                                    references' schedule applies to all their optimisers. Absent in JSON: 1.0, and
 *                                    left out at 1.0 like {@code optimiser}
 */
@OlderForms(TrainConfig.Upgrade.class)
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
        int checkpointEvery,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultRule.class)
        UpdateRule optimiser,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ConstantRate.class)
        Float lrMinRatio) {

    public TrainConfig { // runs for `new` and for Jackson alike, so a bad file fails here and names the field
        if (optimiser == null) throw new IllegalArgumentException("optimiser must be ADAMW or ADAM_ATAN2, was null");
        // Boxed so that a stored form without the field fails here instead of reading as 0 (a decay to nothing);
        // Upgrade fills it in for every form written before it existed.
        if (lrMinRatio == null || !(lrMinRatio >= 0 && lrMinRatio <= 1))
            throw new IllegalArgumentException("lrMinRatio must be in [0, 1], was " + lrMinRatio);
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

    /**
     * Manifests, results and sweep keys written before the optimiser and lrMinRatio fields existed (and every AdamW
     * run at a constant rate since).
     */
    public static final class Upgrade implements OlderForms.Upgrade {
        @Override
        public ObjectNode apply(ObjectNode stored) {
            if (!stored.has("optimiser")) stored.put("optimiser", UpdateRule.ADAMW.name());
            if (!stored.has("lrMinRatio")) stored.put("lrMinRatio", 1.0f);
            return stored;
        }
    }

    /** Jackson's filter for {@link #optimiser}: true (= leave out) at the default rule. */
    public static final class DefaultRule {
        @Override
        public boolean equals(Object value) {
            return value == null || value == UpdateRule.ADAMW;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Jackson's filter for {@link #lrMinRatio}: true (= leave out) at 1.0, the constant rate. */
    public static final class ConstantRate {
        @Override
        public boolean equals(Object value) {
            return value == null || (value instanceof Float f && f == 1f);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    private static void positive(String field, int value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be >= 1, was " + value);
    }

    /** The papers' recipe (TRM code, Sudoku/Maze): batch 768, lr 1e-4, warm-up 2000, wd 1.0, EMA 0.999. */
    public static final TrainConfig PAPER = builder()
            .batchSize(768)
            .maxSteps(65_104)
            .maxMinutes(0)
            .learningRate(1e-4f)
            .warmupSteps(2000)
            .weightDecay(1.0f)
            .beta1(0.9f)
            .beta2(0.95f)
            .puzzleEmbeddingRate(1e-4f)
            .puzzleEmbeddingDecay(1.0f)
            .emaDecay(0.999f)
            .haltExploration(0.1)
            .augment(true)
            .logEvery(100)
            .evalEvery(5000)
            .evalPuzzles(1000)
            .checkpointEvery(5000)
            .optimiser(UpdateRule.ADAMW)
            .lrMinRatio(1f)
            .build();

    /**
     * What every short run (cpu, smoke) changes in the paper's recipe. DEVIATION: a few thousand steps instead of 65k,
     * so the rates are 10× higher and the decays 10× lower (the paper's lr·wd = 1e-4 of shrinkage per step is kept).
     */
    private static final TrainConfig SHORT_RUN = PAPER.toBuilder()
            .learningRate(1e-3f)
            .weightDecay(0.1f)
            .puzzleEmbeddingRate(1e-3f)
            .puzzleEmbeddingDecay(0.1f)
            .build();

    /**
     * The cpu recipe of every task without one of its own. DEVIATION: batch 64 (paper 768), a 60-minute budget, a
     * short warm-up, and an EMA over the last ~200 steps instead of ~1000: with 0.999 the average of a 3000-step run
     * would still carry a large share of the first, untrained weights.
     */
    public static final TrainConfig CPU = SHORT_RUN.toBuilder()
            .batchSize(64)
            .maxSteps(10_000)
            .maxMinutes(60)
            .warmupSteps(300)
            .emaDecay(0.995f)
            .logEvery(25)
            .evalEvery(1000)
            .evalPuzzles(500)
            .checkpointEvery(1000)
            .build();

    /**
     * The papers' ARC recipe (TRM code's ARC config): weight decay 0.1, puzzle embeddings at lr 1e-2 with decay 0.1,
     * evaluation every 10k. ARC sets store their augmented versions (each its own puzzle identifier), so nothing is
     * augmented on the fly. The reference trains 100k epochs; in steps that depends on the set, so give --steps.
     */
    public static final TrainConfig PAPER_ARC = PAPER.toBuilder()
            .maxSteps(100_000)
            .weightDecay(0.1f)
            .puzzleEmbeddingRate(1e-2f)
            .puzzleEmbeddingDecay(0.1f)
            .augment(false)
            .evalEvery(10_000)
            .checkpointEvery(10_000)
            .build();

    /**
     * cpu on ARC sets: the cpu recipe without on-the-fly augmentation, and puzzle embeddings at the ARC rate 1e-2
     * (each version's embedding is all the model knows of its task, and it sees only its own few pairs).
     */
    public static final TrainConfig CPU_ARC =
            CPU.toBuilder().augment(false).puzzleEmbeddingRate(1e-2f).build();

    /** cpu on 4×4 Sudoku: the easiest task fits a 15-minute budget of 4000 steps, checked every 500. */
    public static final TrainConfig CPU_SUDOKU4 = CPU.toBuilder()
            .maxSteps(4000)
            .maxMinutes(15)
            .warmupSteps(200)
            .evalEvery(500)
            .checkpointEvery(500)
            .build();

    /** cpu on 6×6 Sudoku: twice the default step budget in the same 60 minutes (its small model steps fast). */
    public static final TrainConfig CPU_SUDOKU6 =
            CPU.toBuilder().maxSteps(20_000).build();

    /**
     * cpu on 9×9 Sudoku: the budget of the 9×9 halting grid (hidden 64, n 1, T 1 reaches 44% held-out exact at 12,000
     * steps, about 1.7 hours on one core) with no wall-clock limit, and a checkpoint every 250 steps (two minutes of
     * training) because runs this long are interrupted. A sweep's spec sets the same fields, so a sweep cell resolves to
     * the same config (and the same cache key) either way.
     */
    public static final TrainConfig CPU_SUDOKU9 = CPU.toBuilder()
            .maxSteps(12_000)
            .maxMinutes(0)
            .evalEvery(500)
            .evalPuzzles(200)
            .checkpointEvery(250)
            .build();

    /** The smoke recipe (tests, notebooks in seconds), the same for every task: 60 steps of batch 16. */
    public static final TrainConfig SMOKE = SHORT_RUN.toBuilder()
            .batchSize(16)
            .maxSteps(60)
            .warmupSteps(10)
            .emaDecay(0.9f)
            .logEvery(5)
            .evalEvery(30)
            .evalPuzzles(32)
            .checkpointEvery(0)
            .build();

    /**
     * The recipe for a profile and task; the model it trains is {@link ModelFamily#config}'s for the same pair. cpu
     * and smoke deviate from the paper (see {@link #deviations()} and the presets above).
     */
    public static TrainConfig of(Profile profile, PuzzleTask task) {
        if (task.kind() == org.looplab.data.PuzzleKind.ARC)
            return switch (profile) {
                case SMOKE -> SMOKE.toBuilder().augment(false).build();
                case CPU -> CPU_ARC;
                case GPU -> PAPER_ARC;
            };
        return switch (profile) {
            case SMOKE -> SMOKE;
            case CPU ->
                switch (task) {
                    case SUDOKU4 -> CPU_SUDOKU4;
                    case SUDOKU6 -> CPU_SUDOKU6;
                    case SUDOKU9_MIXED, SUDOKU9_MIXED_30K, SUDOKU9_HARD, SUDOKU9_EXTREME -> CPU_SUDOKU9;
                    default -> CPU; // every other task: its own budget comes from the sweep spec or --steps
                };
            case GPU -> PAPER;
        };
    }

    /** Where this recipe differs from the papers', one line each, for the run manifest. */
    public List<String> deviations() {
        List<String> out = new ArrayList<>();
        out.add(
                optimiser == UpdateRule.ADAMW
                        ? "optimiser: AdamW (DJL), paper code uses AdamATan2; nano-trm reproduces the paper with AdamW"
                        : "optimiser: AdamATan2 as in the paper's code (the paper's text says AdamW)");
        if (batchSize != PAPER.batchSize) out.add("batchSize " + batchSize + ", paper 768");
        if (maxSteps != PAPER.maxSteps)
            out.add("maxSteps " + maxSteps + ", paper ~65k (Sudoku 50k epochs over 1k puzzles)");
        if (learningRate != PAPER.learningRate) out.add("learningRate " + learningRate + ", paper 1e-4");
        if (warmupSteps != PAPER.warmupSteps) out.add("warmupSteps " + warmupSteps + ", paper 2000");
        if (lrMinRatio != 1f)
            out.add("learning rate: cosine decay after warm-up to " + lrMinRatio
                    + " × peak at the last step (puzzle table's sign-SGD by the same factor); paper constant"
                    + " (lr_min_ratio 1.0)");
        if (weightDecay != PAPER.weightDecay) out.add("weightDecay " + weightDecay + ", paper 1.0 (Sudoku/Maze)");
        if (puzzleEmbeddingRate != PAPER.puzzleEmbeddingRate)
            out.add("puzzleEmbeddingRate " + puzzleEmbeddingRate + ", paper 1e-4");
        if (puzzleEmbeddingDecay != PAPER.puzzleEmbeddingDecay)
            out.add("puzzleEmbeddingDecay " + puzzleEmbeddingDecay + ", paper 1.0");
        if (emaDecay != PAPER.emaDecay)
            out.add("emaDecay " + emaDecay + ", paper 0.999 (short run: see TrainConfig.of)");
        out.add(
                augment
                        ? "augmentation: a fresh random transform per loaded puzzle (reference: 1000 stored augmentations per puzzle)"
                        : "augmentation: the stored versions only (ARC: each (task, augmentation) version has its own puzzle identifier)");
        out.add("no gradient clipping (none in the reference either)");
        // Three places where the training loop itself (not a number) differs from the reference trainer; a check of
        // LoopLab's checkpoints loaded into the official model class matched every accuracy, so these shape how a
        // run learns, not what the model computes.
        out.add("puzzle-embedding sign-SGD runs at its full rate from step 1; the reference warms up every"
                + " optimiser, this one included");
        out.add("halting exploration: the minimum-steps floor (10%: U{2..N_sup}) is drawn once when a slot takes a"
                + " puzzle; the reference draws it anew at every supervision step");
        out.add("halted slots take the next puzzle of a per-epoch permutation (each puzzle once per epoch); the"
                + " reference takes them from a fresh batch drawn every step, so its epochs skip puzzles");
        return out;
    }

    /** An empty builder: every field must be set before {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this recipe, for a variant named by the fields it changes. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a recipe by field name: {@code PAPER.toBuilder().learningRate(1e-3f).build()}. A field left unset is an
     * error naming it; the record's own checks then run as for {@code new} and Jackson.
     */
    public static final class Builder {
        private Integer batchSize;
        private Long maxSteps;
        private Double maxMinutes;
        private Float learningRate;
        private Integer warmupSteps;
        private Float weightDecay;
        private Float beta1;
        private Float beta2;
        private Float puzzleEmbeddingRate;
        private Float puzzleEmbeddingDecay;
        private Float emaDecay;
        private Double haltExploration;
        private Boolean augment;
        private Integer logEvery;
        private Integer evalEvery;
        private Integer evalPuzzles;
        private Integer checkpointEvery;
        private UpdateRule optimiser;
        private Float lrMinRatio;

        private Builder() {}

        private Builder(TrainConfig c) {
            batchSize = c.batchSize;
            maxSteps = c.maxSteps;
            maxMinutes = c.maxMinutes;
            learningRate = c.learningRate;
            warmupSteps = c.warmupSteps;
            weightDecay = c.weightDecay;
            beta1 = c.beta1;
            beta2 = c.beta2;
            puzzleEmbeddingRate = c.puzzleEmbeddingRate;
            puzzleEmbeddingDecay = c.puzzleEmbeddingDecay;
            emaDecay = c.emaDecay;
            haltExploration = c.haltExploration;
            augment = c.augment;
            logEvery = c.logEvery;
            evalEvery = c.evalEvery;
            evalPuzzles = c.evalPuzzles;
            checkpointEvery = c.checkpointEvery;
            optimiser = c.optimiser;
            lrMinRatio = c.lrMinRatio;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder maxSteps(long value) {
            maxSteps = value;
            return this;
        }

        public Builder maxMinutes(double value) {
            maxMinutes = value;
            return this;
        }

        public Builder learningRate(float value) {
            learningRate = value;
            return this;
        }

        public Builder warmupSteps(int value) {
            warmupSteps = value;
            return this;
        }

        public Builder weightDecay(float value) {
            weightDecay = value;
            return this;
        }

        public Builder beta1(float value) {
            beta1 = value;
            return this;
        }

        public Builder beta2(float value) {
            beta2 = value;
            return this;
        }

        public Builder puzzleEmbeddingRate(float value) {
            puzzleEmbeddingRate = value;
            return this;
        }

        public Builder puzzleEmbeddingDecay(float value) {
            puzzleEmbeddingDecay = value;
            return this;
        }

        public Builder emaDecay(float value) {
            emaDecay = value;
            return this;
        }

        public Builder haltExploration(double value) {
            haltExploration = value;
            return this;
        }

        public Builder augment(boolean value) {
            augment = value;
            return this;
        }

        public Builder logEvery(int value) {
            logEvery = value;
            return this;
        }

        public Builder evalEvery(int value) {
            evalEvery = value;
            return this;
        }

        public Builder evalPuzzles(int value) {
            evalPuzzles = value;
            return this;
        }

        public Builder checkpointEvery(int value) {
            checkpointEvery = value;
            return this;
        }

        public Builder optimiser(UpdateRule value) {
            optimiser = value;
            return this;
        }

        public Builder lrMinRatio(float value) {
            lrMinRatio = value;
            return this;
        }

        public TrainConfig build() {
            return new TrainConfig(
                    set("batchSize", batchSize),
                    set("maxSteps", maxSteps),
                    set("maxMinutes", maxMinutes),
                    set("learningRate", learningRate),
                    set("warmupSteps", warmupSteps),
                    set("weightDecay", weightDecay),
                    set("beta1", beta1),
                    set("beta2", beta2),
                    set("puzzleEmbeddingRate", puzzleEmbeddingRate),
                    set("puzzleEmbeddingDecay", puzzleEmbeddingDecay),
                    set("emaDecay", emaDecay),
                    set("haltExploration", haltExploration),
                    set("augment", augment),
                    set("logEvery", logEvery),
                    set("evalEvery", evalEvery),
                    set("evalPuzzles", evalPuzzles),
                    set("checkpointEvery", checkpointEvery),
                    set("optimiser", optimiser),
                    set("lrMinRatio", lrMinRatio));
        }

        private static <T> T set(String field, T value) {
            if (value == null) throw new IllegalStateException("TrainConfig." + field + " was not set");
            return value;
        }
    }
}
