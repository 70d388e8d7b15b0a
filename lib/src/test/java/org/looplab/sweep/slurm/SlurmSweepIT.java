package org.looplab.sweep.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.provenance.Json;
import org.looplab.sweep.SweepRunner;

/**
 * {@code experiments/ablation-smoke.json} through a real Slurm cluster ({@code make test-slurm} starts one with
 * {@code environment/slurm/test-cluster.sh}; without {@code SLURM_CONF} this test is skipped). Every command runs
 * as a user would run it: {@code java -jar lib/target/looplab.jar sweep ...}, cells at one libtorch thread.
 * <ol>
 *   <li>the local runner's tables on the same spec, for reference;</li>
 *   <li>{@code --slurm}, and one array task cancelled mid-training: its cell has a checkpoint and no result, and
 *       {@code --status} reports it failed with its log's last lines;</li>
 *   <li>{@code --slurm} again submits only that cell, which resumes from its checkpoint;</li>
 *   <li>{@code results.csv} equals the local one (cells, hashes, metrics); the resumed cell equals a local resume
 *       from a copy of the same checkpoint (the uninterrupted run is printed beside it; cross-process exactness is the
 *       trainer's kill test's to assert, docs/training.md, "Resuming");</li>
 *   <li>{@code --slurm} with everything cached submits nothing.</li>
 * </ol>
 */
class SlurmSweepIT {
    private static final Path JAR = Path.of("target", "looplab.jar").toAbsolutePath();
    private static final Path SPEC =
            Path.of("..", "experiments", "ablation-smoke.json").toAbsolutePath().normalize();
    /** Columns that differ between two runs of the same cell: wall time and the id made from the start time. */
    private static final List<String> RUN_SPECIFIC = List.of("run_id", "seconds");

    @Test
    void theSmokeAblationRunsOnSlurmLikeLocallyAndSurvivesACancelledTask(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(
                System.getenv("SLURM_CONF") != null,
                "no Slurm cluster (SLURM_CONF unset): run `make test-slurm`, which starts one");
        assertTrue(Files.isRegularFile(JAR), JAR + " missing: run `make build` first");
        Path data = tmp.resolve("data"), local = tmp.resolve("local"), onSlurm = tmp.resolve("slurm");

        String localRun = looplab(
                600,
                "-Dai.djl.pytorch.num_threads=1",
                "sweep",
                "--spec",
                SPEC.toString(),
                "--out",
                local.toString(),
                "--data-root",
                data.toString());
        assertTrue(localRun.contains("trained: 8"), localRun);

        String[] submit = {
            "sweep",
            "--spec",
            SPEC.toString(),
            "--out",
            onSlurm.toString(),
            "--data-root",
            data.toString(),
            "--slurm",
            "--cpus-per-cell",
            "1",
            "--max-parallel",
            "2"
        };
        String first = looplab(120, submit);
        assertTrue(first.contains("8 cells submitted"), first);
        String arrayJob = field(first, "array job: ([0-9]+)"), collectJob = field(first, "collect job: ([0-9]+)");

        String cancelled = cancelOneTaskMidTraining(onSlurm, arrayJob);
        waitUntilEnded(arrayJob, collectJob);
        Path cancelledFolder = onSlurm.resolve(SweepRunner.RUNS).resolve(cancelled);
        assertFalse(Files.exists(cancelledFolder.resolve(SweepRunner.RESULT)), cancelled + " finished despite scancel");
        long checkpointStep = manifestSteps(cancelledFolder);
        assertTrue(checkpointStep > 0 && checkpointStep < 12, "checkpoint at step " + checkpointStep);
        assertEquals(7, rows(onSlurm.resolve("results.csv")).size(), "the collect job tabulates the 7 finished cells");

        String status = looplab(
                120,
                "sweep",
                "--spec",
                SPEC.toString(),
                "--out",
                onSlurm.toString(),
                "--data-root",
                data.toString(),
                "--status");
        assertTrue(status.contains("7 done, 0 running, 1 failed, 0 pending"), status);
        assertTrue(
                status.contains("failed   " + cancelled)
                        && status.contains("CANCELLED")
                        && status.contains("checkpoint at step " + checkpointStep)
                        && status.contains("stopped by SIGTERM"),
                status);

        // The reference for the resumed cell: a local resume from a copy of the same checkpoint (kept pristine).
        Path checkpoint = tmp.resolve("checkpoint-" + cancelled);
        copyTree(cancelledFolder, checkpoint);
        Map<String, String> resumedReference =
                localCell(tmp.resolve("reference"), data, cancelled, checkpoint, checkpointStep);

        String second = looplab(120, submit);
        assertTrue(second.contains("1 cells submitted"), second);
        waitUntilEnded(field(second, "array job: ([0-9]+)"), field(second, "collect job: ([0-9]+)"));
        String log = Files.readString(BatchScripts.logOf(onSlurm, field(second, "array job: ([0-9]+)") + "_0"));
        assertTrue(log.contains("resuming at step " + checkpointStep), log);

        Map<String, Map<String, String>> expected = rows(local.resolve("results.csv")),
                got = rows(onSlurm.resolve("results.csv"));
        assertEquals(expected.keySet(), got.keySet(), "the same cells (folder names carry the config hashes)");
        assertEquals("1", got.get(cancelled).get("resumes"));
        assertEquals("12", got.get(cancelled).get("steps"));
        System.out.printf(
                "resumed cell %s: cell accuracy %s (resumed at step %d), %s uninterrupted%n",
                cancelled,
                got.get(cancelled).get("cell"),
                checkpointStep,
                expected.get(cancelled).get("cell"));
        expected.put(cancelled, resumedReference);
        int again = 0;
        for (String folder : expected.keySet()) {
            if (expected.get(folder).equals(got.get(folder))) continue;
            // At one thread a cell repeats exactly run to run, but once (a local JVM that ran all 8 cells, on a busy
            // machine) one held-out cell of 512 came out flipped. A difference is then settled by a fresh local JVM,
            // as each task is: the Slurm result must equal it.
            assertTrue(++again <= 2, "more than two cells differ from the local run:\n" + expected + "\n" + got);
            Map<String, String> fresh = localCell(
                    tmp.resolve("again-" + folder),
                    data,
                    folder,
                    folder.equals(cancelled) ? checkpoint : null,
                    checkpointStep);
            System.out.println("note: " + folder + " differed from the local run: " + expected.get(folder) + " vs "
                    + got.get(folder) + "; a fresh local JVM gives " + fresh);
            assertEquals(fresh, got.get(folder), folder + ": Slurm vs a fresh local JVM");
        }

        String third = looplab(120, submit);
        assertTrue(third.contains("nothing to submit: 8 done"), third);
        assertFalse(third.contains("array job:"), third);
    }

    /**
     * One cell run locally in a fresh JVM ({@code --cell}, then {@code --collect}), from a copy of {@code checkpoint}
     * if given: its row of results.csv.
     */
    private static Map<String, String> localCell(Path out, Path data, String folder, Path checkpoint, long step)
            throws Exception {
        if (checkpoint != null)
            copyTree(checkpoint, out.resolve(SweepRunner.RUNS).resolve(folder));
        String hash = folder.substring(folder.lastIndexOf('-') + 1);
        String run = looplab(
                300,
                "-Dai.djl.pytorch.num_threads=1",
                "sweep",
                "--spec",
                SPEC.toString(),
                "--out",
                out.toString(),
                "--data-root",
                data.toString(),
                "--cell",
                hash);
        if (checkpoint != null) assertTrue(run.contains("resuming at step " + step), run);
        looplab(
                120,
                "sweep",
                "--spec",
                SPEC.toString(),
                "--out",
                out.toString(),
                "--data-root",
                data.toString(),
                "--collect");
        return rows(out.resolve("results.csv")).get(folder);
    }

    /**
     * Cancels the first task seen training, at once, and returns its cell's folder. A task that finishes before the
     * cancel lands (the smoke cells are short) does not count; the next one is tried.
     */
    private static String cancelOneTaskMidTraining(Path out, String arrayJob) throws Exception {
        for (int task = 0; task < 8; task++) {
            Path log = BatchScripts.logOf(out, arrayJob + "_" + task);
            String folder = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (folder == null && System.nanoTime() < deadline) {
                if (Files.isRegularFile(log)) {
                    Matcher m = Pattern.compile("(\\S+): training 12 steps").matcher(Files.readString(log));
                    if (m.find()) folder = m.group(1);
                }
                if (folder == null) Thread.sleep(100);
            }
            assertNotNull(folder, log + ": task never started training");
            command(30, "scancel", arrayJob + "_" + task);
            String state;
            do {
                Thread.sleep(500);
                state = command(
                                30,
                                "squeue",
                                "--noheader",
                                "--array",
                                "--states=all",
                                "--format=%T",
                                "--jobs=" + arrayJob + "_" + task)
                        .strip();
            } while (SlurmClient.active(state));
            if (!Files.exists(out.resolve(SweepRunner.RUNS).resolve(folder).resolve(SweepRunner.RESULT))) return folder;
            System.out.println(folder + " finished before the cancel landed; trying the next task");
        }
        fail("no task could be cancelled mid-training");
        return null;
    }

    /** Waits until Slurm reports neither job active (both ended). */
    private static void waitUntilEnded(String arrayJob, String collectJob) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            String states = command(
                    30,
                    "squeue",
                    "--noheader",
                    "--array",
                    "--states=all",
                    "--format=%T",
                    "--jobs=" + arrayJob + "," + collectJob);
            if (Arrays.stream(states.split("\n"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .noneMatch(SlurmClient::active)) return;
            Thread.sleep(2000);
        }
        fail("jobs " + arrayJob + ", " + collectJob + " still active after 15 minutes");
    }

    private static long manifestSteps(Path runFolder) throws IOException {
        return Json.mapper()
                .readTree(runFolder.resolve("manifest.json").toFile())
                .get("steps")
                .asLong();
    }

    /** results.csv as folder -> column -> value, without the run-specific columns. */
    private static Map<String, Map<String, String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) if (!RUN_SPECIFIC.contains(header[i])) row.put(header[i], cells[i]);
            out.put(row.get("folder"), row);
        }
        return out;
    }

    private static String field(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in: " + text);
        return m.group(1);
    }

    private static String looplab(int timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int i = 0;
        while (i < args.length && args[i].startsWith("-D")) command.add(args[i++]);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(Arrays.asList(args).subList(i, args.length));
        return command(timeoutSeconds, command.toArray(String[]::new));
    }

    private static String command(int timeoutSeconds, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + ": still running after " + timeoutSeconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + text);
        return text;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
