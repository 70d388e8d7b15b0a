package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.train.TrainingRun;

/** One cell as one array task runs it: a stop request (SIGTERM) leaves a checkpoint that the next task resumes. */
class RunCellTest {

    @Test
    void aStoppedCellKeepsItsCheckpointAndTheNextTaskResumesIt(@TempDir Path tmp) {
        SweepGrid grid = new SweepGrid("mixer", List.of("sudoku4"), List.of("trm-mlp"), null, null, null, null);
        // smoke logs every 5 steps: a stop raised before training lands at step 5
        SweepSpec spec = new SweepSpec(
                "cells",
                org.looplab.Profile.SMOKE,
                List.of(3L),
                8,
                new TrainOverrides(8L, null, null, null, 0, null, 0),
                List.of(grid));
        SweepRunner runner = new SweepRunner(spec, tmp.resolve("out"), tmp.resolve("data"));
        SweepCell cell = runner.cell(runner.hashOf(spec.cells().get(0)).substring(0, 10));
        Path folder = runner.folderOf(cell);

        StopRequest sigterm = new StopRequest();
        sigterm.request();
        var stopped = assertThrows(
                StopRequest.Stopped.class,
                () -> runner.runCell(cell, CellLock.Holder.current("5_0"), h -> false, sigterm, null));
        assertEquals(5, stopped.step());
        assertEquals(5, TrainingRun.readManifest(folder).steps(), "checkpoint at the step it stopped");
        assertFalse(Files.exists(folder.resolve(SweepRunner.RESULT)));
        assertFalse(Files.exists(CellLock.fileOf(folder)), "the lock goes with the task");

        CellResult r = runner.runCell(cell, CellLock.Holder.current("6_0"), h -> false, new StopRequest(), null);
        assertEquals(8, r.steps());
        assertEquals(1, r.resumes());
        assertTrue(Files.isRegularFile(folder.resolve(SweepRunner.RESULT)));
        assertEquals(
                r,
                runner.runCell(cell, CellLock.Holder.current("7_0"), h -> false, new StopRequest(), null),
                "a finished cell is only read");
    }

    /** The plain {@code looplab sweep} answers SIGTERM the same way: checkpoint, stop, and the rerun resumes. */
    @Test
    void aStoppedSweepResumesItsCellAndGoesOn(@TempDir Path tmp) {
        SweepGrid grid = new SweepGrid("mixer", List.of("sudoku4"), List.of("trm-mlp"), null, null, null, null);
        SweepSpec spec = new SweepSpec(
                "plain",
                org.looplab.Profile.SMOKE,
                List.of(3L, 4L),
                8,
                new TrainOverrides(8L, null, null, null, 0, null, 0),
                List.of(grid));
        Path out = tmp.resolve("out"), data = tmp.resolve("data");
        StopRequest sigterm = new StopRequest();
        sigterm.request();
        var stopped = assertThrows(
                StopRequest.Stopped.class,
                () -> new SweepRunner(spec, out, data).run(Shard.ALL, SweepListener.NONE, sigterm, null));
        assertEquals(5, stopped.step());
        SweepRunner again = new SweepRunner(spec, out, data);
        assertEquals("interrupted at step 5", again.state(spec.cells().get(0)).describe());
        assertEquals(
                CellState.Phase.INTERRUPTED, again.state(spec.cells().get(0)).phase());
        assertEquals(CellState.Phase.TO_DO, again.state(spec.cells().get(1)).phase());
        SweepOutcome o = again.run(Shard.ALL, SweepListener.NONE, new StopRequest(), null);
        assertEquals(1, o.resumed());
        assertEquals(1, o.trained());
        assertEquals(2, o.results().size());
        for (CellResult r : o.results()) assertEquals(8, r.steps());
    }

    @Test
    void anUnknownOrShortHashIsOneClearError(@TempDir Path tmp) {
        SweepGrid grid = new SweepGrid("mixer", List.of("sudoku4"), List.of("trm-mlp"), null, null, null, null);
        SweepSpec spec = new SweepSpec(
                "cells",
                org.looplab.Profile.SMOKE,
                List.of(3L),
                8,
                new TrainOverrides(8L, null, null, null, 0, null, 0),
                List.of(grid));
        SweepRunner runner = new SweepRunner(spec, tmp.resolve("out"), tmp.resolve("data"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runner.cell("0123456789"))
                .getMessage()
                .contains("no cells with hash 0123456789"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> runner.cell("abc"))
                .getMessage()
                .contains("10 hex digits"));
    }
}
