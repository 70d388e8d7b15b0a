package org.looplab.train;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.data.DataSetFolder;
import org.looplab.data.PuzzleTask;
import org.looplab.model.TrmConfig;

/** What is on disk after a kill, a second writer, and a save into a folder that holds other files. */
class RunFolderSafetyTest {

    static TrainConfig quick(long steps) {
        return TrainConfig.of(Profile.SMOKE, PuzzleTask.SUDOKU4).toBuilder()
                .batchSize(8)
                .maxSteps(steps)
                .emaDecay(0.5f)
                .logEvery(2)
                .evalEvery(0)
                .evalPuzzles(16)
                .checkpointEvery(0)
                .build();
    }

    @Test
    void aTornLastLineIsDroppedAndResumeTruncatesToItsCheckpoint(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, "{\"step\":2,\"loss\":1.5}\n{\"step\":4,\"loss\":1.2}\n{\"step\":6,\"lo"); // cut mid-line
        var log = new MetricsLog(f);
        assertEquals(
                List.of(2L, 4L),
                log.read().stream().map(n -> n.get("step").asLong()).toList());
        assertEquals(2, log.truncateAfter(2), "the line after step 2 and the torn one");
        assertEquals("{\"step\":2,\"loss\":1.5}\n", Files.readString(f));
        assertEquals(0, log.truncateAfter(2), "nothing more to drop: the file is not rewritten");
    }

    @Test
    void aSecondWriterIsRefusedAndAStaleLockIsTakenOver(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), out = dir.resolve("run");
        try (TrainingRun first =
                TrainingRun.start(TrmConfig.TINY_MLP, quick(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, out)) {
            var e = assertThrows(
                    IllegalStateException.class,
                    () -> TrainingRun.start(
                            TrmConfig.TINY_MLP, quick(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, out));
            assertTrue(
                    e.getMessage()
                            .contains("in use by process "
                                    + ProcessHandle.current().pid()),
                    e.getMessage());
            first.train(TrainingListener.NONE, null, null);
        }
        assertFalse(Files.exists(out.resolve(RunLock.FILE)), "released on close");
        // A lock left by a process that is gone (killed), on this host: taken over.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(out.resolve(RunLock.FILE), gone.pid() + " " + RunLock.host() + "\n");
        try (TrainingRun resumed = TrainingRun.resume(out, data, 2, -1)) {
            assertEquals(
                    ProcessHandle.current().pid() + " " + RunLock.host() + "\n",
                    Files.readString(out.resolve(RunLock.FILE)));
            resumed.train(TrainingListener.NONE, null, null);
        }
        assertEquals(4, TrainingRun.readManifest(out).steps());
    }

    @Test
    void aKillBetweenTheManifestAndItsHashListLeavesARunThatResumes(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), out = dir.resolve("run");
        try (TrainingRun run =
                TrainingRun.start(TrmConfig.TINY_MLP, quick(4), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, out)) {
            run.train(TrainingListener.NONE, null, null);
        }
        // The moment between the manifest's rename and the list's: the new list is still pending, the current one
        // records the manifest before (any other hash). Before 2026-12-06 this folder refused to resume.
        Path sums = out.resolve(org.looplab.provenance.FileHashes.FILE);
        Path next = out.resolve(org.looplab.provenance.FileHashes.NEXT);
        String current = Files.readString(sums);
        Files.move(sums, next);
        Files.writeString(sums, "0".repeat(64) + "  " + TrainingRun.MANIFEST + "\n");
        assertEquals(
                4, TrainingRun.readManifest(out).steps(), "a reader accepts the manifest the pending list vouches for");
        try (TrainingRun run = TrainingRun.resume(out, data, 2, -1)) {
            assertEquals(current, Files.readString(sums), "the writer finished the interrupted write");
            assertFalse(Files.exists(next));
            run.train(TrainingListener.NONE, null, null);
        }
        assertEquals(6, TrainingRun.readManifest(out).steps());
        assertFalse(Files.exists(next));
    }

    @Test
    void savingKeepsOtherFilesAndTheFolderMode(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), out = dir.resolve("run");
        Files.createDirectories(out);
        Files.writeString(out.resolve("train.log"), "the user's own log\n");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rwxr-x---");
        Files.setPosixFilePermissions(out, mode);
        try (TrainingRun run =
                TrainingRun.start(TrmConfig.TINY_MLP, quick(4), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, out)) {
            run.train(TrainingListener.NONE, null, null);
            run.save();
        }
        try (TrainingRun run = TrainingRun.resume(out, data, 2, -1)) {
            run.train(TrainingListener.NONE, null, null);
        }
        assertEquals("the user's own log\n", Files.readString(out.resolve("train.log")));
        assertEquals(mode, Files.getPosixFilePermissions(out));
        for (String owned : List.of(TrainingRun.MODEL, TrainingRun.LIVE))
            assertTrue(
                    Files.getPosixFilePermissions(out.resolve(owned)).contains(PosixFilePermission.OWNER_EXECUTE)
                            && !Files.getPosixFilePermissions(out.resolve(owned))
                                    .equals(PosixFilePermissions.fromString("rwx------")),
                    owned + " is not left 0700");
    }

    @Test
    void aFreshRunIntoTheFolderOfARunKilledBeforeItsFirstCheckpointStartsAfresh(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), out = dir.resolve("run");
        Files.createDirectories(out);
        Files.writeString(out.resolve(TrainingRun.METRICS), "{\"step\":2,\"loss\":9.9}\n{\"step\":4,\"lo");
        try (TrainingRun run =
                TrainingRun.start(TrmConfig.TINY_MLP, quick(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, out)) {
            run.train(TrainingListener.NONE, null, null);
        }
        List<JsonNode> lines = new MetricsLog(out.resolve(TrainingRun.METRICS)).read();
        assertEquals(1, lines.size(), "the dead run's lines are gone: " + lines);
        assertNotEquals(9.9, lines.get(0).get("loss").asDouble());
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> TrainingRun.start(TrmConfig.TINY_MLP, quick(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, out));
        assertTrue(e.getMessage().contains("already holds a run"), e.getMessage());
    }

    @Test
    void aFolderHoldingAUsersModelAndLiveIsRefusedAndKeptIntact(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), project = dir.resolve("project");
        // A project given as --out: its own model/ and live/ folders, a metrics file of its own, its sources.
        Files.createDirectories(project.resolve("model"));
        Files.createDirectories(project.resolve("live"));
        Files.writeString(project.resolve("model/notes.txt"), "the user's model notes\n");
        Files.writeString(project.resolve("live/stream.csv"), "1,2,3\n");
        Files.writeString(project.resolve(TrainingRun.METRICS), "my own metrics, not JSON\n");
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> TrainingRun.start(
                        TrmConfig.TINY_MLP, quick(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, project));
        assertTrue(e.getMessage().contains("holds live/ (not a LoopLab resume state) and 2 more"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals("the user's model notes\n", Files.readString(project.resolve("model/notes.txt")));
        assertEquals("1,2,3\n", Files.readString(project.resolve("live/stream.csv")));
        assertEquals("my own metrics, not JSON\n", Files.readString(project.resolve(TrainingRun.METRICS)));
        assertFalse(Files.exists(project.resolve(RunLock.FILE)), "the lock is released after the refusal");

        // A plain folder of other files is refused too, naming what it holds; nothing is written there.
        Path sources = dir.resolve("sources");
        Files.createDirectories(sources.resolve("src"));
        var e2 = assertThrows(
                IllegalArgumentException.class,
                () -> TrainingRun.start(
                        TrmConfig.TINY_MLP, quick(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, sources));
        assertTrue(e2.getMessage().contains("holds src/,"), e2.getMessage());
        try (var entries = Files.list(sources)) {
            assertEquals(List.of(sources.resolve("src")), entries.toList());
        }
    }

    @Test
    void theLeftoversOfAKilledRunWithACheckpointButNoManifestAreReplaced(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), killed = dir.resolve("killed"), out = dir.resolve("run");
        try (TrainingRun run =
                TrainingRun.start(TrmConfig.TINY_MLP, quick(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, killed)) {
            run.train(TrainingListener.NONE, null, null);
        }
        // What a kill between model/ and the manifest's write leaves: live/, model/, metrics, a temporary file.
        Files.createDirectories(out);
        for (String owned : List.of(TrainingRun.LIVE, TrainingRun.MODEL))
            copyTree(killed.resolve(owned), out.resolve(owned));
        Files.copy(killed.resolve(TrainingRun.METRICS), out.resolve(TrainingRun.METRICS));
        Files.writeString(out.resolve(".manifest.json.k3j9x.tmp"), "{");
        Files.writeString(out.resolve("train.log"), "the shell made this before the run started\n");
        try (TrainingRun run =
                TrainingRun.start(TrmConfig.TINY_MLP, quick(2), PuzzleTask.SUDOKU4, Profile.SMOKE, 1, data, out)) {
            assertFalse(Files.exists(out.resolve(TrainingRun.MODEL)), "replaced");
            assertFalse(Files.exists(out.resolve(".manifest.json.k3j9x.tmp")), "replaced");
            run.train(TrainingListener.NONE, null, null);
        }
        assertEquals("the shell made this before the run started\n", Files.readString(out.resolve("train.log")));
        assertEquals(2, TrainingRun.readManifest(out).steps());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var all = Files.walk(from)) {
            for (Path p : all.toList())
                Files.copy(p, to.resolve(from.relativize(p).toString()));
        }
    }

    /**
     * kill -9 at random moments of a training process and of the resumes that follow: after every kill the metrics
     * on disk are a prefix of an uninterrupted run's, and the run finished by a last resume equals that run.
     * Child processes on one libtorch thread, so both sides compute bit for bit alike.
     */
    @Test
    void killedAtRandomStepsAndResumedEqualsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data"), whole = dir.resolve("whole"), killed = dir.resolve("killed");
        DataSetFolder.buildIfAbsent("sudoku4", Profile.SMOKE, data);
        Process uninterrupted = child("start", whole, data);
        assertTrue(uninterrupted.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, uninterrupted.exitValue());
        List<JsonNode> reference = ExactResumeTest.withoutTime(whole);
        assertEquals(RunFolderChild.STEPS / 2, reference.size());
        Random r = new Random(20261129);
        List<String> differences = new ArrayList<>(); // value differences, judged at the end
        for (int kill = 0; kill < 3; kill++) {
            // 3-6 lines (6-12 steps) past what is on disk: at least one more checkpoint (every 5 steps) first
            int lines = ExactResumeTest.withoutTime(killed).size() + 3 + r.nextInt(4);
            Process p = child(kill == 0 ? "start" : "resume", killed, data);
            waitForLines(killed, lines, p);
            p.destroyForcibly().waitFor(); // SIGKILL
            List<JsonNode> onDisk = ExactResumeTest.withoutTime(killed);
            // The steps on disk are a prefix of the uninterrupted run's: none twice, none out of order.
            assertEquals(steps(reference.subList(0, onDisk.size())), steps(onDisk), "steps after kill " + (kill + 1));
            if (!reference.subList(0, onDisk.size()).equals(onDisk))
                differences.add("after kill " + (kill + 1) + ", "
                        + ExactResumeTest.firstDifference(reference.subList(0, onDisk.size()), onDisk));
        }
        Process last = child("resume", killed, data);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue());
        List<JsonNode> finished = ExactResumeTest.withoutTime(killed);
        assertEquals(steps(reference), steps(finished), "steps of the finished run");
        if (!reference.equals(finished))
            differences.add("finished, " + ExactResumeTest.firstDifference(reference, finished));
        CheckpointDiff d = CheckpointDiff.of(whole, killed);
        System.out.print("killed 3x and resumed vs uninterrupted:\n" + d.lines());
        if (!(d.weights() <= 1e-6 && d.ema() <= 1e-6 && d.optimizer() <= 1e-6 && d.carry() <= 1e-6))
            differences.add("weights: " + d.lines().replace('\n', ' '));
        if (!differences.isEmpty()) judge(differences, whole, data);
    }

    private static List<Long> steps(List<JsonNode> lines) {
        return lines.stream().map(n -> n.get("step").asLong()).toList();
    }

    /**
     * The resumed run's values differ from the uninterrupted run's: trains the uninterrupted run once more. If the
     * two uninterrupted runs differ too, this machine's libtorch computed nondeterministically across processes in
     * this run, and the value comparison is aborted (reported as skipped, never passed; the step checks above did
     * pass); if they agree, the resume is at fault and the test fails. (The cross-process differences once seen
     * here were the freed scalar operands that {@code model.Scalar} fixes.)
     */
    private static void judge(List<String> differences, Path whole, Path data) throws Exception {
        Path again = whole.resolveSibling(whole.getFileName() + "-again");
        Process p = child("start", again, data);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        List<JsonNode> first = ExactResumeTest.withoutTime(whole), second = ExactResumeTest.withoutTime(again);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                first.equals(second),
                () -> "two uninterrupted runs of the same"
                        + " seed differ (" + ExactResumeTest.firstDifference(first, second) + "): libtorch was not"
                        + " deterministic across processes in this run, so the values of the resumed run cannot be judged: "
                        + differences);
        fail("the resumed run differs from two agreeing uninterrupted runs: " + differences);
    }

    private static void waitForLines(Path run, int lines, Process p) throws Exception {
        Path f = run.resolve(TrainingRun.METRICS);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.exists(f)
                    && Files.readString(f).chars().filter(c -> c == '\n').count() >= lines) return;
            if (!p.isAlive()) fail("the training process ended (exit " + p.exitValue() + ") before line " + lines);
            Thread.sleep(10);
        }
        fail("no line " + lines + " in " + f + " within 5 minutes");
    }

    private static Process child(String mode, Path out, Path data) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-cp",
                System.getProperty("java.class.path"),
                RunFolderChild.class.getName(),
                mode,
                out.toString(),
                data.toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(new File(out.toString() + "." + mode + ".log"))
                .start();
    }
}
