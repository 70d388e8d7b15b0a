package org.looplab.sweep.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.provenance.Json;
import org.looplab.sweep.CellLock;
import org.looplab.sweep.StopRequest;
import org.looplab.sweep.SweepGrid;
import org.looplab.sweep.SweepRunner;
import org.looplab.sweep.SweepSpec;
import org.looplab.sweep.TrainOverrides;

/** Submission and status against a scripted Slurm: which cells are queued, what the scripts ask for, what is reported. */
class SlurmSweepTest {

    /** Records submissions and answers the queue it is given. */
    static final class FakeSlurm implements SlurmClient {
        final List<List<String>> submitted = new ArrayList<>();
        final Map<String, String> queue = new HashMap<>();
        int next = 100;

        @Override
        public String submit(Path script, List<String> args) {
            List<String> call = new ArrayList<>(args);
            call.add(script.toString());
            submitted.add(call);
            return String.valueOf(next++);
        }

        @Override
        public Map<String, String> queue() {
            return queue;
        }
    }

    private static final JavaLaunch LAUNCH =
            new JavaLaunch("/opt/jdk/bin/java", "/shared/looplab.jar", "org.looplab.tool.LoopLabCli");

    @Test
    void submitsOneTaskPerCellWithoutAResultAndReportsEachCell(@TempDir Path tmp) throws Exception {
        SweepGrid grid = new SweepGrid("mixer", List.of("sudoku4"), List.of("trm-mlp"), null, null, null, null);
        SweepSpec spec = new SweepSpec(
                "fake",
                org.looplab.Profile.SMOKE,
                List.of(0L, 1L, 2L),
                8,
                new TrainOverrides(2L, null, null, null, 0, null, 0),
                List.of(grid));
        Path specFile = tmp.resolve("my spec.json"), out = tmp.resolve("out"), data = tmp.resolve("data");
        Files.writeString(specFile, Json.write(spec));
        FakeSlurm slurm = new FakeSlurm();
        SlurmSweep sweep = new SlurmSweep(spec, specFile, out, data, slurm);
        SweepRunner runner = new SweepRunner(spec, out, data);
        List<String> hashes = spec.cells().stream().map(runner::hashOf).toList();
        // Cell 0 is done before anything is submitted: it is never submitted.
        runner.runCell(spec.cells().get(0), CellLock.Holder.current(null), h -> false, new StopRequest(), null);

        SlurmOptions options =
                new SlurmOptions("gpu", 1, 4, "16G", "1-00:00:00", 1, 300, List.of("--account=lab"), List.of("-Xmx8g"));
        SlurmSubmission s = sweep.submit(options, LAUNCH, System.out).orElseThrow();
        assertEquals("100", s.arrayJob());
        assertEquals("101", s.collectJob());
        assertEquals(hashes.subList(1, 3), s.cells());
        assertEquals(List.of("--account=lab", s.script()), slurm.submitted.get(0));
        assertTrue(
                slurm.submitted.get(1).contains("--dependency=afterany:100"),
                slurm.submitted.get(1).toString());
        String script = Files.readString(Path.of(s.script()));
        for (String line : List.of(
                "#SBATCH --array=0-1%1",
                "#SBATCH --requeue",
                "#SBATCH --signal=B:TERM@300",
                "#SBATCH --partition=gpu",
                "#SBATCH --cpus-per-task=4",
                "#SBATCH --gres=gpu:1",
                "#SBATCH --mem=16G",
                "#SBATCH --time=1-00:00:00",
                "#SBATCH --output=" + out.toAbsolutePath() + "/slurm/logs/%A_%a.out",
                "  " + hashes.get(1),
                "  " + hashes.get(2),
                "exec '/opt/jdk/bin/java' -Dai.djl.pytorch.num_threads=${SLURM_CPUS_PER_TASK:-1} '-Xmx8g' -cp '/shared/looplab.jar'",
                "--spec '" + specFile.toAbsolutePath() + "'",
                "--cell \"${CELLS[$SLURM_ARRAY_TASK_ID]}\""))
            assertTrue(script.contains(line), line + " not in\n" + script);
        assertTrue(Files.isRegularFile(out.resolve("slurm").resolve("submission-100.json")));

        // Task 0 runs (its cell locked by it), task 1 waits: nothing new to submit.
        slurm.queue.put("100_0", "RUNNING");
        slurm.queue.put("100_1", "PENDING");
        try (CellLock ignored = CellLock.take(
                runner.folderOf(spec.cells().get(1)), CellLock.Holder.current("100_0"), h -> false, null)) {
            List<CellStatus> now = sweep.status();
            assertEquals(
                    List.of(CellStatus.State.DONE, CellStatus.State.RUNNING, CellStatus.State.PENDING),
                    now.stream().map(CellStatus::state).toList());
            assertEquals("100_0", now.get(1).job());
            assertEquals("100_1", now.get(2).job());
            assertTrue(sweep.submit(options, LAUNCH, System.out).isEmpty());
            assertEquals(2, slurm.submitted.size());
        }

        // Both tasks end without a result (task 1 was cancelled; task 0 left the queue): failed, with the log's end.
        slurm.queue.clear();
        slurm.queue.put("100_1", "CANCELLED");
        Path log = out.resolve("slurm").resolve("logs").resolve("100_1.out");
        Files.writeString(log, "line 1\nline 2\nline 3\nline 4\nline 5\nslurmstepd: *** JOB 104 CANCELLED ***\n");
        List<CellStatus> after = sweep.status();
        assertEquals(CellStatus.State.FAILED, after.get(1).state());
        assertTrue(
                after.get(1).detail().startsWith("ended without a result, no checkpoint"),
                after.get(1).detail());
        assertEquals(CellStatus.State.FAILED, after.get(2).state());
        assertTrue(after.get(2).detail().startsWith("CANCELLED"), after.get(2).detail());
        assertEquals(
                List.of("line 2", "line 3", "line 4", "line 5", "slurmstepd: *** JOB 104 CANCELLED ***"),
                after.get(2).logTail());
        String text = SlurmSweep.render("fake", after);
        assertTrue(text.startsWith("sweep fake: 3 cells: 1 done, 0 running, 2 failed, 0 pending"), text);
        assertTrue(text.contains("           | slurmstepd: *** JOB 104 CANCELLED ***"), text);

        // Resubmitting queues exactly the two failed cells again.
        SlurmSubmission again = sweep.submit(options, LAUNCH, System.out).orElseThrow();
        assertEquals(hashes.subList(1, 3), again.cells());
        assertEquals("102", again.arrayJob());
        assertEquals("102_0", sweep.status().get(1).job(), "the latest submission names the task");
    }

    @Test
    void badOptionsAreOneLineNamingTheOption() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new SlurmOptions(null, 0, 1, "16 GB", null, 0, 120, null, null));
        assertTrue(e.getMessage().contains("--mem-per-cell") && e.getMessage().contains("16 GB"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new SlurmOptions(null, 0, 0, null, null, 0, 120, null, null));
        assertTrue(e.getMessage().contains("--cpus-per-cell"), e.getMessage());
    }
}
