package org.looplab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.data.PuzzleKind;
import org.looplab.model.TaskShape;
import org.looplab.provenance.RunResults;
import org.looplab.train.ExampleRunManifest;
import org.looplab.train.RunManifest;

/** Finding the weights, the manifest and the puzzle kind of a checkpoint folder. */
class LoadedSolverTest {
    @TempDir
    Path dir;

    @Test
    void aCheckpointNameGivesItsTaskWhereverItStands() {
        assertEquals(TaskShape.sudoku(6), SolverCheckpoints.taskOf("trm-mlp-sudoku6"));
        assertEquals(TaskShape.maze(11), SolverCheckpoints.taskOf("trm-att-maze11"));
        assertEquals(TaskShape.maze(9), SolverCheckpoints.taskOf("trm-mlp-maze9-unique"), "a variant after the task");
        var e = assertThrows(IllegalArgumentException.class, () -> SolverCheckpoints.taskOf("trm-mlp-unique"));
        assertTrue(e.getMessage().contains("trm-mlp-unique"), e.getMessage());
    }

    @Test
    void aTrainingRunFolderIsServedWithItsManifest() throws Exception {
        Path run = dir.resolve("trm-mlp-sudoku4");
        Files.createDirectories(run);
        Files.move(SolverCheckpoints.untrained("x-sudoku4", dir), run.resolve(LoadedSolver.RUN_MODEL));
        RunManifest m = ExampleRunManifest.of("20261128-150000-trm-mlp-sudoku4-s7", "sudoku4", Profile.SMOKE, "feed");
        m.withResults(new RunResults(0.1, null, new RunResults.HeldOut(10, 64, 0.97, 0.99, null), null))
                .writeInto(run);
        for (Path given : List.of(run, run.resolve(LoadedSolver.RUN_MODEL))) {
            try (LoadedSolver s = LoadedSolver.load(given)) {
                assertEquals("trm-mlp-sudoku4", s.name());
                assertEquals("20261128-150000-trm-mlp-sudoku4-s7", s.ref().manifestId());
                assertEquals(0.97, s.manifest().heldOut().get("exact"));
                assertEquals(PuzzleKind.SUDOKU, s.kind());
                assertTrue(SolverDescription.of(List.of(s))
                        .models()
                        .get(0)
                        .accuracy()
                        .contains("exact 97.0%, cell 99.0% at step 10 on 64 puzzles"));
            }
        }
        var choice = SolverCheckpoints.shippedOrUntrained(
                "trm-mlp-sudoku4", dir.getParent().resolve(dir.getFileName()), dir.resolve("scratch"));
        assertEquals(false, choice.shipped(), "shipped ones live under <data>/checkpoints/");
        Files.createDirectories(dir.resolve("checkpoints"));
        Files.move(run, dir.resolve("checkpoints").resolve("trm-mlp-sudoku4"));
        assertTrue(SolverCheckpoints.shippedOrUntrained("trm-mlp-sudoku4", dir, dir.resolve("scratch"))
                .shipped());
    }

    @Test
    void theKindComesFromTheDataSetThenTheNameThenTheShape() {
        TaskShape sixteenCellsSixTokens = TaskShape.sudoku(4);
        assertEquals(TaskShape.maze(4), sixteenCellsSixTokens, "the ambiguity this resolves");
        assertEquals(PuzzleKind.SUDOKU, LoadedSolver.kindOf(sixteenCellsSixTokens, "run-a", null));
        assertEquals(PuzzleKind.MAZE, LoadedSolver.kindOf(sixteenCellsSixTokens, "trm-maze4", null));
        assertEquals(PuzzleKind.MAZE, LoadedSolver.kindOf(TaskShape.maze(11), "run-b", null));
        var mazeRun = new SolverManifest(ExampleRunManifest.of("r", "maze11", Profile.SMOKE, "feed"));
        assertEquals(PuzzleKind.MAZE, LoadedSolver.kindOf(sixteenCellsSixTokens, "run-c", mazeRun));
        assertThrows(IllegalArgumentException.class, () -> LoadedSolver.kindOf(TaskShape.arc(1), "arc", null));
    }
}
