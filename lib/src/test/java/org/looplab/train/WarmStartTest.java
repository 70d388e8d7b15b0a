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
import org.looplab.model.RecursionDepth;
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

    /** A depth curriculum's next stage: the source's weights, byte for byte, recursing at another n and T. */
    @Test
    void aDepthStageStartsFromTheSameWeightsAtTheNewDepthAndKeepsTheRecordThroughResumes(@TempDir Path tmp)
            throws Exception {
        Path data = tmp.resolve("data"), shallow = tmp.resolve("shallow"), deep = tmp.resolve("deep");
        TrmConfig oneOne = TrmConfig.TINY_MLP.withRecursion(1, 1);
        try (TrainingRun run =
                TrainingRun.start(oneOne, recipe(3), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, shallow)) {
            run.train(TrainingListener.NONE, null, null);
        }
        RecursionDepth twoTwo = new RecursionDepth(2, 2);
        try (TrainingRun run =
                TrainingRun.startFrom(shallow, twoTwo, recipe(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 2, data, deep)) {
            assertEquals(oneOne.withRecursion(2, 2), run.trainer().model().config());
            run.save();
            assertArrayEquals(
                    Files.readAllBytes(shallow.resolve(TrainingRun.MODEL).resolve(Checkpoint.PARAMS_FILE)),
                    Files.readAllBytes(deep.resolve(TrainingRun.LIVE)
                            .resolve(TrainingRun.LIVE_WEIGHTS)
                            .resolve(Checkpoint.PARAMS_FILE)),
                    "the same arrays: depth is not in the weights");
            run.train(TrainingListener.NONE, null, null);
        }
        try (TrainingRun run = TrainingRun.resume(deep, data, 1, -1)) {
            assertEquals(twoTwo, RecursionDepth.of(run.trainer().model().config()), "a resume keeps the depth");
            run.train(TrainingListener.NONE, null, null);
        }
        RunManifest m = TrainingRun.readManifest(deep);
        String note = m.deviations().stream()
                .filter(d -> d.startsWith(WarmStart.PREFIX))
                .findFirst()
                .orElseThrow();
        assertTrue(
                note.endsWith("; run at n 2, T 2, the source trained at n 1, T 1 (a depth curriculum stage: the"
                        + " same weights, recursing deeper)"),
                note);
        assertEquals(3, WarmStart.recordedIn(m.deviations()).orElseThrow().sourceSteps());
        // HRM's cycles are not a TRM's n and T: asked for, it is refused by name.
        var e = assertThrows(IllegalArgumentException.class, () -> twoTwo.applyTo(org.looplab.model.HrmConfig.TINY));
        assertTrue(e.getMessage().contains("for TRM models"), e.getMessage());
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
