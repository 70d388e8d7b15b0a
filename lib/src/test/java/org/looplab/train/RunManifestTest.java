package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Checkpoint;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.FileHashes;
import org.looplab.provenance.Json;
import org.looplab.provenance.RunFolder;
import org.looplab.provenance.RunResults;

/** The one run-manifest reader and writer: hashes against edits, the old form of shipped runs, and the diff. */
class RunManifestTest {
    static final Path SHIPPED = Path.of("../data/checkpoints");

    private static final TrmConfig N3 = TrmConfig.TINY_MLP.withRecursion(3, 2);

    @Test
    void anEditedCheckpointConfigIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("model");
        try (ReasoningModel m = N3.build(TaskShape.sudoku(4), 1)) {
            m.save(folder);
        }
        try (ReasoningModel back = Checkpoint.load(folder)) {
            assertEquals(3, ((TrmConfig) back.config()).latentSteps());
        }
        Path config = folder.resolve(Checkpoint.CONFIG_FILE);
        String text = Files.readString(config);
        assertTrue(text.contains("\"latentSteps\" : 3"), text);
        // Still valid JSON for a valid config, and the weights fit it: only the recorded hash can tell.
        Files.writeString(config, text.replace("\"latentSteps\" : 3", "\"latentSteps\" : 5"));
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(folder));
        assertTrue(e.getMessage().startsWith(config.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("changed after it was written"), e.getMessage());
    }

    @Test
    void anEditedConfigWhoseHashWasRemovedIsRefusedAgainstTheRunManifest(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        trainOneStep(tmp, out);
        Path model = out.resolve(TrainingRun.MODEL), config = model.resolve(Checkpoint.CONFIG_FILE);
        Path sums = model.resolve(FileHashes.FILE);
        String original = Files.readString(config), originalSums = Files.readString(sums);
        String edited = original.replace("\"latentSteps\" : 3", "\"latentSteps\" : 5");
        assertNotEquals(original, edited);

        // The hash list's config.json line removed, the config edited: refused, the list must name it.
        Files.writeString(
                sums,
                originalSums.lines().filter(l -> !l.endsWith(Checkpoint.CONFIG_FILE)).toList().stream()
                        .map(l -> l + "\n")
                        .reduce("", String::concat));
        Files.writeString(config, edited);
        var unlisted = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(model));
        assertTrue(unlisted.getMessage().contains("lists no config.json"), unlisted.getMessage());

        // The whole list removed: the run's hashed manifest still records latentSteps 3.
        Files.delete(sums);
        var e = assertThrows(IllegalArgumentException.class, () -> TrainingRun.loadModel(out));
        assertTrue(e.getMessage().startsWith(config.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("latentSteps is 5, but the run's"), e.getMessage());
        assertTrue(e.getMessage().contains("records 3"), e.getMessage());

        // Unedited but without its list, in a run that hashes its manifest: the list was removed, so refused.
        Files.writeString(config, original);
        var removed = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(model));
        assertTrue(removed.getMessage().contains(FileHashes.FILE + ": missing"), removed.getMessage());

        // A folder from before hashes (no list anywhere) loads, warning that its config cannot be checked.
        Files.delete(out.resolve(FileHashes.FILE));
        var err = new java.io.ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try (ReasoningModel back = Checkpoint.load(model)) {
            assertEquals(3, ((TrmConfig) back.config()).latentSteps());
        } finally {
            System.setErr(old);
        }
        String warning = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(warning.contains(config + ": not checked"), warning);
        // ...but an edit that contradicts even the unhashed manifest is still refused.
        Files.writeString(config, edited);
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(model));
    }

    @Test
    void anEditedManifestIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        RunFolder run = new RunFolder(tmp.resolve("run"));
        ExampleRunManifest.of("r1", "sudoku4", Profile.SMOKE, "a".repeat(64)).writeInto(run.root());
        assertEquals("r1", RunManifest.read(run).id());
        String text = Files.readString(run.manifest());
        Files.writeString(
                run.manifest(), text.replace("\"sha256\" : \"" + "d".repeat(64), "\"sha256\" : \"" + "e".repeat(64)));
        var e = assertThrows(IllegalArgumentException.class, () -> RunManifest.read(run));
        assertTrue(e.getMessage().startsWith(run.manifest().toString()), e.getMessage());
        // A folder written before hashes were recorded still reads: there is nothing to check it against.
        Files.delete(run.root().resolve(FileHashes.FILE));
        assertEquals("e".repeat(64), RunManifest.read(run).data().sha256());
    }

    @Test
    void aRunSavesHashesThatCoverManifestAndBothCheckpoints(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        trainOneStep(tmp, out);
        RunFolder folder = new RunFolder(out);
        assertTrue(FileHashes.read(out).sha256().containsKey(RunFolder.MANIFEST));
        for (Path checkpoint : List.of(folder.model(), folder.live().resolve(TrainingRun.LIVE_WEIGHTS)))
            assertEquals(
                    List.of(Checkpoint.CONFIG_FILE, Checkpoint.PARAMS_FILE),
                    List.copyOf(FileHashes.read(checkpoint).sha256().keySet()));
        RunManifest m = RunManifest.read(folder);
        assertEquals(Profile.SMOKE, m.profile());
        assertEquals(1, m.steps());
        // The data set is named relative to the data root (here an absolute temporary folder), never by its full path.
        assertEquals("sudoku4-smoke/manifest.json", m.data().manifest());
        assertNotNull(m.results().loss());
        assertNull(m.results().finalEvaluation());
    }

    /** A one-step run of {@link #N3} into {@code out}. */
    private static void trainOneStep(Path tmp, Path out) {
        try (TrainingRun run = TrainingRun.start(
                N3,
                TrainConfig.of(Profile.SMOKE, PuzzleTask.SUDOKU4).toBuilder()
                        .maxSteps(1)
                        .build(),
                PuzzleTask.SUDOKU4,
                Profile.SMOKE,
                0,
                tmp.resolve("data"),
                out)) {
            run.train(TrainingListener.NONE, null, null);
            run.save();
        }
    }

    /** Every shipped run reads through the typed reader, with each old metric in its named field, value for value. */
    @Test
    void shippedCheckpointsLoadWithTheirRecordedNumbers() throws Exception {
        List<Path> runs;
        try (Stream<Path> s = Files.list(SHIPPED)) {
            runs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(runs.isEmpty());
        for (Path dir : runs) {
            RunFolder folder = RunFolder.of(dir);
            RunManifest m = RunManifest.read(folder);
            if (!Json.mapper().readTree(folder.manifest().toFile()).has("metrics")) {
                // Written by today's typed writer (trm-mlp-sudoku6-n1T1, a finished sweep cell: no live/ left).
                for (Path p : List.of(dir, folder.model()))
                    assertNotNull(FileHashes.read(p), p + ": shipped without recorded hashes");
                assertFalse(m.code().dirty(), dir + ": a checkpoint shipped today comes from a clean commit");
                assertNotEquals(CodeVersion.UNKNOWN, m.code().sources());
                try (ReasoningModel model = Checkpoint.load(folder.model())) {
                    assertEquals(m.config().model(), model.config());
                }
                assertEquals(m.steps(), m.results().finalEvaluation().step(), dir.toString());
                continue;
            }
            for (Path p : List.of(dir, folder.model(), folder.live()))
                assertNotNull(FileHashes.read(p), p + ": shipped without recorded hashes");
            JsonNode old = Json.mapper().readTree(folder.manifest().toFile()).path("metrics");
            assertTrue(m.code().dirty(), "these were trained from uncommitted code, and say so");
            assertEquals(CodeVersion.UNKNOWN, m.code().sources());
            try (ReasoningModel model = Checkpoint.load(folder.model())) {
                assertEquals(m.config().model(), model.config());
            }
            RunResults r = m.results();
            assertEquals(old.get("loss").asDouble(), r.loss(), dir.toString());
            assertEquals(old.get("eval_exact").asDouble(), r.lastCheck().exact());
            assertEquals(old.get("eval_cell").asDouble(), r.lastCheck().cell());
            assertEquals(old.get("eval_step").asLong(), r.lastCheck().step());
            RunResults.HeldOut last = r.finalEvaluation();
            if (!old.has("final_exact_accuracy")) {
                assertNull(last, dir + ": its final evaluation was only written to evaluation.txt");
                continue;
            }
            assertEquals(m.steps(), last.step());
            assertEquals(old.get("final_test_puzzles").asInt(), last.puzzles());
            assertEquals(old.get("final_exact_accuracy").asDouble(), last.exact());
            assertEquals(old.get("final_cell_accuracy").asDouble(), last.cell());
            assertEquals(
                    old.get("final_adaptive_exact_accuracy").asDouble(),
                    last.adaptive().exact());
            assertEquals(
                    old.get("final_adaptive_mean_steps").asDouble(),
                    last.adaptive().meanSteps());
        }
    }

    @Test
    void anOldManifestWithAMetricNobodyWroteIsAnErrorNotADrop() {
        String text = """
                {"kind": "run", "steps": 3, "metrics": {"loss": 0.5, "eval_accuracy": 0.9}}""";
        var e = assertThrows(IllegalArgumentException.class, () -> Json.read(text, RunManifest.class, "m.json"));
        assertTrue(e.getMessage().contains("eval_accuracy"), e.getMessage());
    }

    @Test
    void dirtyIsABooleanAndOldStringsReadAsOne() {
        String old = "{\"commit\": \"ad8e6fd59c\", \"dirty\": \"%s\", \"lib\": \"0.1.0\"}";
        assertTrue(Json.read(old.formatted("true"), CodeVersion.class, "a").dirty());
        assertFalse(Json.read(old.formatted("false"), CodeVersion.class, "b").dirty());
        assertTrue(Json.read(old.formatted("unknown"), CodeVersion.class, "c").dirty(), "not known to be clean");
        CodeVersion v = new CodeVersion("abc", false, "0.2.0", "f".repeat(64));
        assertEquals(v, Json.read(Json.write(v), CodeVersion.class, "d"));
        assertTrue(Json.write(v).contains("\"dirty\" : false"));
    }

    @Test
    void theDiffNamesWhatDiffersInConfigDataAndCode() {
        CodeVersion code = new CodeVersion("aaaa", false, "0.2.0", "1".repeat(64));
        RunManifest a = ExampleRunManifest.of("a", N3, "sudoku4", Profile.SMOKE, "d".repeat(64), "t", code);
        assertTrue(RunManifest.diff(a, a).isEmpty());
        assertEquals(
                List.of("manifests: same config, data, code and runtime"),
                RunManifest.diff(a, a).lines());

        RunManifest b = ExampleRunManifest.of(
                "b",
                N3.withRecursion(5, 2),
                "sudoku4",
                Profile.SMOKE,
                "e".repeat(64),
                "t",
                new CodeVersion("bbbb", true, "0.2.0", "1".repeat(64)));
        RunDiff d = RunManifest.diff(a, b);
        assertEquals(
                List.of("config.model.latentSteps: 3 -> 5"),
                d.in(RunDiff.Part.CONFIG).stream().map(RunDiff.Difference::line).toList());
        assertEquals(
                List.of("data.sha256: " + "d".repeat(64) + " -> " + "e".repeat(64)),
                d.in(RunDiff.Part.DATA).stream().map(RunDiff.Difference::line).toList());
        assertEquals(
                List.of("code.commit: aaaa -> bbbb", "code.dirty: false -> true"),
                d.in(RunDiff.Part.CODE).stream().map(RunDiff.Difference::line).toList());
        assertTrue(d.in(RunDiff.Part.RUNTIME).isEmpty(), "the id differs but is not a cause");
        assertTrue(d.lines().contains("runtime: same"), d.lines().toString());
    }
}
