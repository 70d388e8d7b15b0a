package org.looplab.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.HrmConfig;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.Json;

/**
 * The task catalogue's training half: which recipe and model sizes each task gets per profile, chosen by enum. The
 * recipes are now built by field name; these pin them to the 17 positional numbers they replaced (commit d5b4b71),
 * since runs started on that commit resume on this code and sweep cache keys hash the recipe. The optimiser field
 * came later; every preset keeps AdamW.
 */
class TaskRecipeTest {
    @Test
    void theNamedPresetsAreTheNumbersTheyReplaced() {
        assertEquals(
                positional(
                        768, 65_104, 0, 1e-4f, 2000, 1.0f, 0.9f, 0.95f, 1e-4f, 1.0f, 0.999f, 0.1, true, 100, 5000, 1000,
                        5000),
                TrainConfig.PAPER);
        assertEquals(
                positional(16, 60, 0, 1e-3f, 10, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.9f, 0.1, true, 5, 30, 32, 0),
                TrainConfig.SMOKE);
        assertEquals(
                positional(
                        64, 4000, 15, 1e-3f, 200, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 500, 500, 500),
                TrainConfig.CPU_SUDOKU4);
        assertEquals(
                positional(
                        64, 20_000, 60, 1e-3f, 300, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 1000, 500,
                        1000),
                TrainConfig.CPU_SUDOKU6);
        assertEquals(
                positional(
                        64, 10_000, 60, 1e-3f, 300, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 1000, 500,
                        1000),
                TrainConfig.CPU);
    }

    @Test
    void eachTaskMapsToItsRecipeByProfile() {
        for (PuzzleTask t : PuzzleTask.values()) {
            if (t.kind() == org.looplab.data.PuzzleKind.ARC) {
                // ARC sets store their versions: nothing is augmented on the fly; gpu is the reference's ARC recipe.
                assertFalse(TrainConfig.of(Profile.SMOKE, t).augment(), t.id());
                assertSame(TrainConfig.CPU_ARC, TrainConfig.of(Profile.CPU, t), t.id());
                assertSame(TrainConfig.PAPER_ARC, TrainConfig.of(Profile.GPU, t), t.id());
                assertEquals(0.1f, TrainConfig.PAPER_ARC.weightDecay());
                assertEquals(1e-2f, TrainConfig.PAPER_ARC.puzzleEmbeddingRate());
                continue;
            }
            assertSame(TrainConfig.SMOKE, TrainConfig.of(Profile.SMOKE, t), t.id());
            assertSame(TrainConfig.PAPER, TrainConfig.of(Profile.GPU, t), t.id());
            TrainConfig cpu = switch (t) {
                case SUDOKU4 -> TrainConfig.CPU_SUDOKU4;
                case SUDOKU6 -> TrainConfig.CPU_SUDOKU6;
                case SUDOKU9_MIXED, SUDOKU9_MIXED_30K, SUDOKU9_HARD, SUDOKU9_EXTREME -> TrainConfig.CPU_SUDOKU9;
                default -> TrainConfig.CPU;
            };
            assertSame(cpu, TrainConfig.of(Profile.CPU, t), t.id());
        }
    }

    @Test
    void onlyTheTwoEasySudokuSetsGetTheCheapCpuModels() {
        TrmConfig small = TrmConfig.SMALL_MLP.withSize(64, 4).withRecursion(3, 2);
        assertEquals(small, ModelFamily.TRM_MLP.config(Profile.CPU, PuzzleTask.SUDOKU4));
        assertEquals(small, ModelFamily.TRM_MLP.config(Profile.CPU, PuzzleTask.SUDOKU6));
        assertEquals(TrmConfig.SMALL_MLP, ModelFamily.TRM_MLP.config(Profile.CPU, PuzzleTask.SUDOKU6_HARD));
        assertEquals(TrmConfig.SMALL_ATTENTION, ModelFamily.TRM_ATT.config(Profile.CPU, PuzzleTask.MAZE11));
        // The HRM of the shipped hrm-sudoku4 checkpoint, as the positional form wrote it.
        assertEquals(
                new HrmConfig(64, 4, 4, 2, 2, 2, 2, 16, 1, HrmConfig.SMALL.positions()),
                ModelFamily.HRM.config(Profile.CPU, PuzzleTask.SUDOKU4));
        assertEquals(HrmConfig.SMALL, ModelFamily.HRM.config(Profile.CPU, PuzzleTask.SUDOKU9_HARD));
        for (PuzzleTask t : PuzzleTask.values()) {
            assertEquals(TrmConfig.TINY_MLP, ModelFamily.TRM_MLP.config(Profile.SMOKE, t));
            assertEquals(TrmConfig.PAPER_ATTENTION, ModelFamily.TRM_ATT.config(Profile.GPU, t));
        }
    }

    @Test
    void aRecipeIsBuiltByNameAndAMissingFieldIsNamed() {
        TrainConfig c = TrainConfig.PAPER.toBuilder().learningRate(3e-4f).build();
        assertEquals(3e-4f, c.learningRate());
        assertEquals(TrainConfig.PAPER, c.toBuilder().learningRate(1e-4f).build());
        var e = assertThrows(
                IllegalStateException.class,
                () -> TrainConfig.builder().batchSize(8).maxSteps(1).build());
        assertTrue(e.getMessage().contains("maxMinutes"), e.getMessage());
    }

    /**
     * The optimiser field came after runs and sweep cache keys existed: at its default it is left out of the JSON (so
     * every old key and manifest stays what it was), a file without it reads as AdamW, and AdamATan2 is written out.
     */
    @Test
    void theOptimiserIsWrittenOnlyWhenItIsNotTheDefault() {
        String plain = Json.write(TrainConfig.CPU);
        assertFalse(plain.contains("optimiser"), plain);
        assertEquals(TrainConfig.CPU, Json.read(plain, TrainConfig.class, "test"));
        TrainConfig atan2 =
                TrainConfig.CPU.toBuilder().optimiser(UpdateRule.ADAM_ATAN2).build();
        String written = Json.write(atan2);
        assertTrue(written.contains("\"optimiser\" : \"ADAM_ATAN2\""), written);
        assertEquals(atan2, Json.read(written, TrainConfig.class, "test"));
        assertTrue(
                atan2.deviations().get(0).contains("AdamATan2 as in the paper's code"),
                atan2.deviations().get(0));
    }

    /**
     * lrMinRatio came after runs and sweep keys existed too: at 1.0 (constant, every recipe) it is left out, a file
     * without it reads as 1.0 (never as 0, a decay to nothing), a decay is written out and named in the deviations.
     */
    @Test
    void theLearningRateFloorIsWrittenOnlyWhenTheRateDecays() {
        String plain = Json.write(TrainConfig.CPU_SUDOKU9);
        assertFalse(plain.contains("lrMinRatio"), plain);
        assertEquals(1f, Json.read(plain, TrainConfig.class, "test").lrMinRatio());
        TrainConfig cosine = TrainConfig.CPU_SUDOKU9.toBuilder().lrMinRatio(0f).build();
        String written = Json.write(cosine);
        assertTrue(written.contains("\"lrMinRatio\" : 0.0"), written);
        assertEquals(cosine, Json.read(written, TrainConfig.class, "test"));
        assertTrue(cosine.deviations().stream().anyMatch(d -> d.startsWith("learning rate: cosine decay")));
        assertTrue(TrainConfig.CPU_SUDOKU9.deviations().stream().noneMatch(d -> d.contains("cosine")));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> TrainConfig.CPU.toBuilder().lrMinRatio(-0.5f).build());
        assertTrue(e.getMessage().contains("lrMinRatio"), e.getMessage());
    }

    /** The recipe as the 17 numbers of commit d5b4b71, with the AdamW every preset keeps. */
    private static TrainConfig positional(
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
                logEvery,
                evalEvery,
                evalPuzzles,
                checkpointEvery,
                UpdateRule.ADAMW,
                1f);
    }
}
