package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.train.TrainingRun;

/** The cache and resume contract of the sweep runner, on smoke-sized models (seconds per run). */
class SweepRunnerTest {

    private static SweepSpec spec(List<Long> seeds) {
        SweepGrid mixer =
                new SweepGrid("mixer", List.of("sudoku4"), List.of("trm-mlp", "trm-att"), null, null, null, null);
        return new SweepSpec(
                "test", Profile.SMOKE, seeds, 8, new TrainOverrides(4L, null, null, null, 0, null, 2), List.of(mixer));
    }

    @Test
    void aSecondRunOfTheSameSpecTrainsNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweep"), data = tmp.resolve("data");
        SweepOutcome first = new SweepRunner(spec(List.of(0L)), out, data).run(Shard.ALL, SweepListener.NONE, null);
        assertEquals(2, first.trained());
        assertEquals(0, first.cached());
        assertEquals(2, first.results().size());
        for (CellResult r : first.results()) {
            assertEquals(4, r.steps());
            assertEquals(8, r.testPuzzles());
            assertTrue(r.exactAccuracy() >= 0 && r.exactAccuracy() <= 1 && r.cellAccuracy() > 0, r.toString());
            Path folder = out.resolve(SweepRunner.RUNS).resolve(r.folder());
            assertTrue(Files.isRegularFile(folder.resolve("manifest.json")));
            assertTrue(Files.isRegularFile(folder.resolve("model/params.safetensors")));
            assertFalse(Files.exists(folder.resolve(TrainingRun.LIVE)), "raw weights are dropped once a run is done");
        }
        List<String> csv = Files.readAllLines(out.resolve(SweepTable.CSV));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("folder,run_id,grids,task,model,mixer,n,T,width"), csv.get(0));
        var file = SweepTable.read(out);
        assertEquals(2, file.runs().size());
        assertEquals(
                file.runs().get(0).result().runId(),
                file.runs().get(0).manifest().id());
        Path result = out.resolve(SweepRunner.RUNS)
                .resolve(first.results().get(0).folder())
                .resolve(SweepRunner.RESULT);
        var written = Files.getLastModifiedTime(result);

        SweepOutcome second = new SweepRunner(spec(List.of(0L)), out, data).run(Shard.ALL, SweepListener.NONE, null);
        assertEquals(0, second.trained());
        assertEquals(0, second.resumed());
        assertEquals(2, second.cached());
        assertEquals(first.results(), second.results());
        assertEquals(written, Files.getLastModifiedTime(result));

        // one more seed: its two cells are to do, the first two done (the tally notebook 06 shows)
        assertEquals(
                new java.util.TreeMap<>(java.util.Map.of("done", 2, "to do", 2)),
                new SweepRunner(spec(List.of(0L, 1L)), out, data).stateCounts());
        SweepOutcome wider = new SweepRunner(spec(List.of(0L, 1L)), out, data).run(Shard.ALL, SweepListener.NONE, null);
        assertEquals(2, wider.trained());
        assertEquals(2, wider.cached());
        assertEquals(4, SweepTable.load(out).rowCount());
        assertEquals(2, SweepSummary.of(SweepTable.load(out)).rowCount());
    }

    @Test
    void anInterruptedRunIsResumedFromItsCheckpointAndShardsSplitTheWork(@TempDir Path tmp) {
        Path out = tmp.resolve("sweep"), data = tmp.resolve("data");
        SweepSpec spec = spec(List.of(3L));
        SweepRunner runner = new SweepRunner(spec, out, data);
        SweepCell cell = spec.cells().get(0);
        // a run that checkpointed at step 2 of 4 and then died
        try (TrainingRun run = TrainingRun.start(
                cell.config(),
                cell.train(),
                PuzzleTask.of(cell.task()),
                Profile.SMOKE,
                cell.seed(),
                data,
                runner.folderOf(cell))) {
            run.trainer().step();
            run.trainer().step();
            run.save();
            // While its process holds the folder, the cell is running, not interrupted (another shard's listing).
            assertEquals(
                    "running, checkpoint at step 2 (process "
                            + ProcessHandle.current().pid() + " on " + org.looplab.provenance.LockFile.hostName() + ")",
                    runner.state(cell).describe());
        }
        assertEquals("interrupted at step 2", runner.state(cell).describe());

        SweepOutcome part1 = runner.run(Shard.parse("1/2"), SweepListener.NONE, null);
        assertEquals(1, part1.resumed());
        assertEquals(0, part1.trained());
        assertEquals(1, part1.pending());
        CellResult resumed = part1.results().get(0);
        assertEquals(4, resumed.steps());
        assertEquals(1, resumed.resumes());
        assertTrue(TrainingRun.readManifest(runner.folderOf(cell)).deviations().stream()
                .anyMatch(d -> d.startsWith(TrainingRun.RESUMED_AT + "2")));

        SweepOutcome part2 = new SweepRunner(spec, out, data).run(Shard.parse("2/2"), SweepListener.NONE, null);
        assertEquals(1, part2.trained());
        assertEquals(0, part2.pending());
        assertEquals(2, part2.results().size());
        assertEquals("done", runner.state(cell).describe());
    }
}
