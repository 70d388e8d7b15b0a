package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.analysis.HaltingRecord;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionDepth;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;

/** {@code looplab halting} and {@code looplab trace} on a saved (untrained) tiny checkpoint and the smoke sudoku4 set. */
class HaltingCommandTest {

    private static String run(String... args) {
        return CliOutput.ofSuccessful(args);
    }

    /** A record names its run's recipe and seed, so two seeds of one recipe pool on the board; a bare model has none. */
    @Test
    void aRecordCarriesItsRunsRecipeAndSeed(@TempDir Path tmp) {
        Path data = tmp.resolve("data");
        HaltingRecord[] seeds = new HaltingRecord[2];
        for (int seed = 0; seed < 2; seed++) {
            Path out = tmp.resolve("s" + seed), record = tmp.resolve("s" + seed + ".json");
            run(
                    "train",
                    "--task",
                    "sudoku4",
                    "--model",
                    "trm-mlp",
                    "--profile",
                    "smoke",
                    "--steps",
                    "2",
                    "--seed",
                    String.valueOf(seed),
                    "--out",
                    out.toString(),
                    "--data-root",
                    data.toString());
            run(
                    "halting",
                    "--checkpoint",
                    out.toString(),
                    "--limit",
                    "8",
                    "--threshold",
                    "0.9",
                    "--record",
                    record.toString(),
                    "--data-root",
                    data.toString());
            seeds[seed] = HaltingRecord.read(record);
            assertEquals(seed, seeds[seed].recipe().seed());
        }
        assertEquals(seeds[0].recipe().sha256(), seeds[1].recipe().sha256());
        assertEquals(null, seeds[0].depth(), "measured at the depth it trained at");
        // The same weights at another depth: the record and its description say so; the trained depth is no change.
        Path s0 = tmp.resolve("s0"), shallow = tmp.resolve("shallow.json"), same = tmp.resolve("same.json");
        String said = run(
                "halting",
                "--checkpoint",
                s0.toString(),
                "--limit",
                "8",
                "--recursion",
                "1,1",
                "--record",
                shallow.toString(),
                "--data-root",
                data.toString());
        assertEquals(new RecursionDepth(1, 1), HaltingRecord.read(shallow).depth());
        assertTrue(HaltingRecord.read(shallow).model().endsWith(" at n 1, T 1 (trained at n 2, T 2)"), said);
        run(
                "halting",
                "--checkpoint",
                s0.toString(),
                "--limit",
                "8",
                "--recursion",
                "2,2",
                "--record",
                same.toString(),
                "--data-root",
                data.toString());
        assertNull(HaltingRecord.read(same).depth());
        assertTrue(
                seeds[0].recipe().label().startsWith("sudoku4 trm-mlp n "),
                seeds[0].recipe().label());

        Path bare = tmp.resolve("bare"), record = tmp.resolve("bare.json");
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 3)) {
            m.save(bare);
        }
        run(
                "halting",
                "--checkpoint",
                bare.toString(),
                "--limit",
                "8",
                "--record",
                record.toString(),
                "--data-root",
                data.toString());
        assertNull(HaltingRecord.read(record).recipe(), "no manifest, no recipe");
    }

    @Test
    void haltingPrintsTheDeckTableAndTraceWritesTheViewer(@TempDir Path tmp) throws Exception {
        Path ckpt = tmp.resolve("trm-tiny");
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 3)) {
            m.save(ckpt);
        }
        Path sudoku4 = PuzzleDataSets.folder(tmp, "sudoku4", Profile.fromEnv());
        assertFalse(Files.exists(sudoku4));
        // A reader builds the named set it needs when it is missing, as training does (a fresh clone has none).
        String out = run("halting", "--checkpoint", ckpt.toString(), "--limit", "8", "--data-root", tmp.toString());
        assertTrue(Files.isRegularFile(sudoku4.resolve(PuzzleSplits.MANIFEST)), "built: " + sudoku4);
        assertTrue(out.contains("deck claim") && out.contains("4–6") && out.contains("12–16"), out);
        assertTrue(out.contains("sudoku4/test"), "data set inferred from the 4×4 task: " + out);
        // An untrained head says sigmoid(-5) ≈ 0.007 at every step: nothing halts, so all 8 run to the cap N_sup = 4.
        assertTrue(out.contains("fixed N_sup = 4"), out);
        assertTrue(out.contains("ECE"), out);
        for (String key : new String[] {
            "spearman_difficulty_steps: ",
            "adaptive_exact: ",
            "full_exact: ",
            "mean_steps: 4.000",
            "mean_answer_updates: 8.000",
            "mean_net_calls: 24.000",
            "halting_claim: "
        }) assertTrue(out.contains(key), key + " in " + out); // TINY: n = 2, T = 2, so a step is 2 y-updates, 6 calls

        Path file = tmp.resolve("two.txt");
        Files.writeString(file, ".234341221434321\n12.434.221.34321\n");
        String rated = run(
                "halting",
                "--checkpoint",
                ckpt.toString(),
                "--puzzles",
                file.toString(),
                "--data-root",
                tmp.resolve("none").toString());
        assertTrue(rated.contains("two.txt") && rated.contains("full_exact: "), rated);
        assertFalse(Files.exists(tmp.resolve("none")), "--puzzles needs no named data set");

        Path html = tmp.resolve("viewer.html");
        String said = run(
                "trace",
                "--checkpoint",
                ckpt.toString(),
                "--out",
                html.toString(),
                "--count",
                "3",
                "--data-root",
                tmp.toString());
        assertTrue(said.contains("3 puzzles, 4 steps each"), said);
        String page = Files.readString(html);
        assertTrue(page.contains("\"puzzles\":[") && page.contains("id=\"step-label\""), "viewer with embedded data");
        assertTrue(!page.contains("src=\"http") && !page.contains("href=\"http"), "self-contained");
    }

    @Test
    void aDataSetBuiltWithOtherSettingsStopsTheReaderAndIsLeftAsItWas(@TempDir Path tmp) throws Exception {
        Path ckpt = tmp.resolve("trm-tiny");
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 3)) {
            m.save(ckpt);
        }
        Profile p = Profile.fromEnv();
        Path folder = PuzzleDataSets.folder(tmp, "sudoku4", p);
        PuzzleDataSets.build(PuzzleDataSets.spec("sudoku4", Profile.SMOKE).withSeed(99))
                .write(folder);
        Files.writeString(folder.resolve("mine.txt"), "a user's file");
        String before = PuzzleSplits.load(folder).sha256();
        String[] common = {"--checkpoint", ckpt.toString(), "--data", "sudoku4", "--data-root", tmp.toString()};
        for (String[] args : new String[][] {
            {"halting"}, {"trace", "--out", tmp.resolve("t.html").toString()}
        }) {
            DataCliTest.Run f = DataCliTest.run(
                    "",
                    java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(common))
                            .toArray(String[]::new));
            assertEquals(2, f.code(), f.err());
            assertEquals(1, f.err().strip().lines().count(), f.err());
            assertTrue(
                    f.err().contains(folder + ": built with ")
                            && f.err().contains("seed 99 (expected ")
                            && f.err().contains("looplab data build sudoku4"),
                    f.err());
        }
        assertEquals(before, PuzzleSplits.load(folder).sha256());
        assertEquals("a user's file", Files.readString(folder.resolve("mine.txt")));
    }

    @Test
    void aMissingCheckpointFailsNamingTheFile(@TempDir Path tmp) throws Exception {
        assertNotEquals(
                0, LoopLabCli.run("halting", "--checkpoint", tmp.resolve("nope").toString()));
        DataCliTest.Run r = DataCliTest.run(
                "", "halting", "--checkpoint", tmp.resolve("nope").toString());
        assertEquals(
                "looplab: " + tmp.resolve("nope") + ": no such folder", r.err().strip());
        // A run folder whose manifest.json is gone: that file is named, not model/config.json.
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 3)) {
            m.save(tmp.resolve("run/model"));
        }
        r = DataCliTest.run(
                "",
                "trace",
                "--checkpoint",
                tmp.resolve("run").toString(),
                "--out",
                tmp.resolve("t.html").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("looplab: " + tmp.resolve("run/manifest.json") + ": missing"), r.err());
    }
}
