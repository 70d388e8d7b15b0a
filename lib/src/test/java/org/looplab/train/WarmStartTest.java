package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Checkpoint;
import org.looplab.model.TrmConfig;

/**
 * A warm start begins from exactly the source's EMA weights, in the source's architecture, says so in its manifest
 * (and keeps saying so across resumes), and refuses a source trained on data of another shape.
 */
class WarmStartTest {
    static TrainConfig recipe(long steps) {
        return ExactResumeTest.recipe(steps);
    }

    @Test
    void startsFromTheSourcesEmaWeightsAndRecordsItThroughResumes(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data"), first = tmp.resolve("first"), second = tmp.resolve("second");
        try (TrainingRun run =
                TrainingRun.start(TrmConfig.TINY_MLP, recipe(6), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, first)) {
            run.train(TrainingListener.NONE, null, null);
        }
        try (TrainingRun run =
                TrainingRun.startFrom(first, recipe(4), PuzzleTask.SUDOKU4, Profile.SMOKE, 2, data, second)) {
            assertEquals(0, run.trainer().steps(), "a warm start counts its own steps");
            assertEquals(TrmConfig.TINY_MLP, run.trainer().model().config());
            run.save(); // step 0: the raw weights are the source's averaged ones, byte for byte
            assertArrayEquals(
                    Files.readAllBytes(first.resolve(TrainingRun.MODEL).resolve(Checkpoint.PARAMS_FILE)),
                    Files.readAllBytes(second.resolve(TrainingRun.LIVE)
                            .resolve(TrainingRun.LIVE_WEIGHTS)
                            .resolve(Checkpoint.PARAMS_FILE)));
            run.train(TrainingListener.NONE, null, null);
        }
        try (TrainingRun run = TrainingRun.resume(second, data, 3, -1)) {
            run.train(TrainingListener.NONE, null, null);
        }
        RunManifest m = TrainingRun.readManifest(second);
        assertEquals(7, m.steps());
        var notes = m.deviations().stream()
                .filter(d -> d.startsWith(WarmStart.PREFIX))
                .toList();
        assertEquals(1, notes.size(), "one origin line after a resume: " + m.deviations());
        assertTrue(notes.get(0).contains("after 6 steps"), notes.get(0));
        assertTrue(notes.get(0).contains(first.toString()), notes.get(0));
    }

    @Test
    void refusesASourceOfAnotherShape(@TempDir Path tmp) {
        Path data = tmp.resolve("data"), six = tmp.resolve("six");
        try (TrainingRun run =
                TrainingRun.start(TrmConfig.TINY_MLP, recipe(1), PuzzleTask.SUDOKU6, Profile.SMOKE, 1, data, six)) {
            run.train(TrainingListener.NONE, null, null);
        }
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> TrainingRun.startFrom(
                        six, recipe(1), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, tmp.resolve("four")));
        assertTrue(e.getMessage().contains("a warm start needs the same shape"), e.getMessage());
        assertTrue(e.getMessage().contains(six.toString()), e.getMessage());
    }
}
