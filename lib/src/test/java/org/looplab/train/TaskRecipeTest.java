package org.looplab.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.HrmConfig;
import org.looplab.model.TrmConfig;

/**
 * The task catalogue's training half: which recipe and model sizes each task gets per profile, chosen by enum. The
 * recipes are now built by field name; these pin them to the 17 positional numbers they replaced (commit d5b4b71),
 * since runs started on that commit resume on this code and sweep cache keys hash the recipe.
 */
class TaskRecipeTest {
    @Test
    void theNamedPresetsAreTheNumbersTheyReplaced() {
        assertEquals(
                new TrainConfig(
                        768, 65_104, 0, 1e-4f, 2000, 1.0f, 0.9f, 0.95f, 1e-4f, 1.0f, 0.999f, 0.1, true, 100, 5000, 1000,
                        5000),
                TrainConfig.PAPER);
        assertEquals(
                new TrainConfig(16, 60, 0, 1e-3f, 10, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.9f, 0.1, true, 5, 30, 32, 0),
                TrainConfig.SMOKE);
        assertEquals(
                new TrainConfig(
                        64, 4000, 15, 1e-3f, 200, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 500, 500, 500),
                TrainConfig.CPU_SUDOKU4);
        assertEquals(
                new TrainConfig(
                        64, 20_000, 60, 1e-3f, 300, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 1000, 500,
                        1000),
                TrainConfig.CPU_SUDOKU6);
        assertEquals(
                new TrainConfig(
                        64, 10_000, 60, 1e-3f, 300, 0.1f, 0.9f, 0.95f, 1e-3f, 0.1f, 0.995f, 0.1, true, 25, 1000, 500,
                        1000),
                TrainConfig.CPU);
    }

    @Test
    void eachTaskMapsToItsRecipeByProfile() {
        for (PuzzleTask t : PuzzleTask.values()) {
            assertSame(TrainConfig.SMOKE, TrainConfig.of(Profile.SMOKE, t), t.id());
            assertSame(TrainConfig.PAPER, TrainConfig.of(Profile.GPU, t), t.id());
            TrainConfig cpu = switch (t) {
                case SUDOKU4 -> TrainConfig.CPU_SUDOKU4;
                case SUDOKU6 -> TrainConfig.CPU_SUDOKU6;
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
}
