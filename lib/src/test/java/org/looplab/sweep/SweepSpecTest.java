package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.model.Backprop;
import org.looplab.model.Mixer;
import org.looplab.model.TrmConfig;

class SweepSpecTest {

    private static final TrainOverrides STEPS_4 = new TrainOverrides(4L, null, null, null, 0, null, null);

    @Test
    void gridsExpandToEveryFactorAndSeedAndSharedCellsRunOnce() {
        SweepGrid mixer =
                new SweepGrid("mixer", List.of("sudoku4"), List.of("trm-mlp", "trm-att"), null, null, null, null);
        // TINY_MLP (smoke) has n = 2, so the n = 2 cells of this grid are the mixer grid's MLP cells
        SweepGrid depth =
                new SweepGrid("depth", List.of("sudoku4"), List.of("trm-mlp"), List.of(1, 2), null, null, null);
        SweepSpec spec = new SweepSpec("t", Profile.SMOKE, List.of(0L, 1L), 8, STEPS_4, List.of(mixer, depth));
        List<SweepCell> cells = spec.cells();
        assertEquals(6, cells.size(), cells.toString()); // 2 mixers × 2 seeds + (n=1) × 2 seeds
        long shared = cells.stream()
                .filter(c -> c.grids().equals(List.of("mixer", "depth")))
                .count();
        assertEquals(2, shared);
        assertTrue(cells.stream().anyMatch(c -> ((TrmConfig) c.config()).mixer() == Mixer.ATTENTION));
        assertTrue(cells.stream()
                .allMatch(c -> c.train().maxSteps() == 4 && c.train().maxMinutes() == 0));
        assertEquals(
                1,
                cells.stream()
                        .filter(c -> ((TrmConfig) c.config()).latentSteps() == 1 && c.seed() == 0)
                        .count());
    }

    @Test
    void widthAndRecursionOverridesReachTheModelConfig() {
        SweepGrid g =
                new SweepGrid("w", List.of("sudoku4"), List.of("trm-att"), List.of(4), List.of(3), List.of(64), null);
        TrmConfig c = (TrmConfig) new SweepSpec("t", Profile.SMOKE, List.of(0L), 0, STEPS_4, List.of(g))
                .cells()
                .get(0)
                .config();
        assertEquals(64, c.hiddenSize());
        assertEquals(4, c.latentSteps());
        assertEquals(3, c.recursions());
        assertEquals(3 * 5 * 2, c.computeDepth());
    }

    @Test
    void supervisionStepsAndBackpropAreFactorsToo(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("unroll.json");
        Files.writeString(f, """
                {"name": "u", "profile": "smoke", "seeds": [0], "testPuzzles": 8, "train": {"steps": 4},
                 "grids": [{"name": "unroll", "tasks": ["sudoku4"], "models": ["trm-mlp"], "latentSteps": [1],
                            "recursions": [1], "supervisionSteps": [4, 8], "backprop": ["FULL_RECURSION", "ONE_STEP"]}]}
                """);
        List<TrmConfig> configs = SweepSpec.read(f).cells().stream()
                .map(c -> (TrmConfig) c.config())
                .toList();
        assertEquals(4, configs.size());
        assertEquals(
                List.of(4, 4, 8, 8),
                configs.stream().map(TrmConfig::supervisionSteps).toList());
        assertEquals(
                List.of(Backprop.FULL_RECURSION, Backprop.ONE_STEP, Backprop.FULL_RECURSION, Backprop.ONE_STEP),
                configs.stream().map(TrmConfig::backprop).toList());
        // Left out, both keep the family's values (N_sup 4 and full back-propagation for TINY_MLP).
        SweepGrid plain = new SweepGrid("g", List.of("sudoku4"), List.of("trm-mlp"), null, null, null, null);
        TrmConfig c = (TrmConfig) new SweepSpec("t", Profile.SMOKE, List.of(0L), 0, STEPS_4, List.of(plain))
                .cells()
                .get(0)
                .config();
        assertEquals(TrmConfig.TINY_MLP, c);
    }

    @Test
    void headsAreAnAttentionFactor(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("heads.json");
        Files.writeString(f, """
                {"name": "h", "profile": "smoke", "seeds": [0], "testPuzzles": 8, "train": {"steps": 4},
                 "grids": [{"name": "att-heads", "tasks": ["sudoku4"], "models": ["trm-att"], "hiddenSize": [64],
                            "heads": [1, 2]}]}
                """);
        List<SweepCell> cells = SweepSpec.read(f).cells();
        assertEquals(
                List.of(1, 2),
                cells.stream().map(c -> ((TrmConfig) c.config()).heads()).toList());
        assertNotEquals(cells.get(0).hash("smoke", "d"), cells.get(1).hash("smoke", "d"));
        // Left out, the family's heads: the same cell (and cache key) as before the factor existed.
        SweepGrid plain = new SweepGrid("g", List.of("sudoku4"), List.of("trm-att"), null, null, List.of(64), null);
        SweepCell before = new SweepSpec("t", Profile.SMOKE, List.of(0L), 0, STEPS_4, List.of(plain))
                .cells()
                .get(0);
        assertEquals(TrmConfig.TINY_ATTENTION.withSize(64, TrmConfig.TINY_ATTENTION.heads()), before.config());
        SweepGrid mlp = new SweepGrid(
                "m", List.of("sudoku4"), List.of("trm-mlp"), null, null, null, null, null, List.of(2), null);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new SweepSpec("t", Profile.SMOKE, List.of(0L), 0, STEPS_4, List.of(mlp)).cells());
        assertTrue(e.getMessage().contains("heads are an attention factor"), e.getMessage());
        SweepGrid odd = new SweepGrid(
                "o", List.of("sudoku4"), List.of("trm-att"), null, null, List.of(64), null, null, List.of(3), null);
        assertThrows(
                IllegalArgumentException.class,
                () -> new SweepSpec("t", Profile.SMOKE, List.of(0L), 0, STEPS_4, List.of(odd)).cells());
    }

    @Test
    void theCacheKeyChangesWithSeedConfigAndDataButNotBetweenEqualCells() {
        SweepGrid g = new SweepGrid("g", List.of("sudoku4"), List.of("trm-mlp"), null, null, null, null);
        List<SweepCell> a = new SweepSpec("t", Profile.SMOKE, List.of(0L, 1L), 0, STEPS_4, List.of(g)).cells();
        List<SweepCell> b = new SweepSpec("other-name", Profile.SMOKE, List.of(0L), 0, STEPS_4, List.of(g)).cells();
        assertEquals(a.get(0).hash("smoke", "d"), b.get(0).hash("smoke", "d"));
        assertNotEquals(a.get(0).hash("smoke", "d"), a.get(1).hash("smoke", "d"));
        assertNotEquals(a.get(0).hash("smoke", "d"), a.get(0).hash("smoke", "e"));
        List<SweepCell> longer = new SweepSpec(
                        "t",
                        Profile.SMOKE,
                        List.of(0L),
                        0,
                        new TrainOverrides(5L, null, null, null, 0, null, null),
                        List.of(g))
                .cells();
        assertNotEquals(a.get(0).hash("smoke", "d"), longer.get(0).hash("smoke", "d"));
        assertTrue(a.get(0).folderName(a.get(0).hash("smoke", "d")).startsWith("sudoku4-trm-mlp-n2-T2-w32-s0-"));
    }

    @Test
    void aBatchSizeOverrideReachesTheRecipeAndTheKeyOnlyWhenGiven(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("batch.json");
        Files.writeString(f, """
                {"name": "b", "profile": "smoke", "seeds": [0], "train": {"steps": 4, "evalEvery": 0},
                 "grids": [{"name": "g", "tasks": ["sudoku4"], "models": ["trm-mlp"]},
                           {"name": "small", "tasks": ["sudoku4"], "models": ["trm-mlp"], "train": {"batchSize": 4}}]}
                """);
        List<SweepCell> cells = SweepSpec.read(f).cells();
        assertEquals(2, cells.size());
        assertEquals(16, cells.get(0).train().batchSize()); // the smoke recipe's
        assertEquals(4, cells.get(1).train().batchSize());
        assertNotEquals(cells.get(0).hash("smoke", "d"), cells.get(1).hash("smoke", "d"));
        // Left out, the key is the one a spec written before the override existed gives.
        SweepGrid g = new SweepGrid("g", List.of("sudoku4"), List.of("trm-mlp"), null, null, null, null);
        SweepCell before = new SweepSpec("t", Profile.SMOKE, List.of(0L), 0, STEPS_4, List.of(g))
                .cells()
                .get(0);
        assertEquals(before.hash("smoke", "d"), cells.get(0).hash("smoke", "d"));
    }

    @Test
    void aSpecFileMayLeaveDefaultsOutButBadInputNamesTheProblem(@TempDir Path tmp) throws Exception {
        Path ok = tmp.resolve("ok.json");
        Files.writeString(ok, """
                {"name": "demo", "profile": "smoke", "seeds": [0, 1, 2], "train": {"steps": 10},
                 "grids": [{"name": "mixer", "tasks": ["sudoku4"], "models": ["trm-mlp", "trm-att"]}]}""");
        SweepSpec spec = SweepSpec.read(ok);
        assertEquals(0, spec.testPuzzles());
        assertEquals(6, spec.cells().size());

        Path unknown = tmp.resolve("unknown.json");
        Files.writeString(unknown, Files.readString(ok).replace("\"seeds\"", "\"seedz\": 1, \"seeds\""));
        var e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.read(unknown));
        assertTrue(e.getMessage().contains("unknown.json") && e.getMessage().contains("seedz"), e.getMessage());

        Path noSteps = tmp.resolve("nosteps.json");
        Files.writeString(noSteps, Files.readString(ok).replace("\"steps\": 10", "\"emaDecay\": 0.9"));
        e = assertThrows(
                IllegalArgumentException.class, () -> SweepSpec.read(noSteps).cells());
        assertTrue(e.getMessage().contains("train.steps"), e.getMessage());

        SweepGrid hrm = new SweepGrid("h", List.of("sudoku4"), List.of("hrm"), List.of(2), null, null, null);
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new SweepSpec("t", Profile.SMOKE, List.of(0L), 0, STEPS_4, List.of(hrm)).cells());
        assertTrue(e.getMessage().contains("TRM models only"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new SweepGrid("g", List.of("sudoku4"), List.of("trm-mlp"), List.of(0), null, null, null));
        assertTrue(e.getMessage().contains("latentSteps must be >= 1, was 0"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new SweepSpec("t", Profile.SMOKE, List.of(1L, 1L), 0, STEPS_4, List.of(hrm)));
        assertTrue(e.getMessage().contains("seeds must not repeat"), e.getMessage());
    }

    @Test
    void theCommittedSpecsAreValid() {
        Path experiments = Path.of("..", "experiments");
        // cpu: mixer 3 tasks × 2 + depth 5 more n/T values + width 2 more, each × 3 seeds
        assertEquals(
                39,
                SweepSpec.read(experiments.resolve("ablation-cpu.json")).cells().size());
        assertEquals(
                8,
                SweepSpec.read(experiments.resolve("ablation-smoke.json"))
                        .cells()
                        .size());
        SweepSpec gpu = SweepSpec.read(experiments.resolve("ablation-gpu.json"));
        assertTrue(gpu.cells().stream().allMatch(c -> c.seed() <= 2 && c.train().maxSteps() == 20_000));
    }

    @Test
    void shardsPartitionTheCells() {
        List<Shard> shards = List.of(Shard.parse("1/3"), Shard.parse("2/3"), Shard.parse(" 3/3 "));
        for (int i = 0; i < 10; i++) {
            int position = i;
            assertEquals(1, shards.stream().filter(s -> s.owns(position)).count());
        }
        assertTrue(IntStream.range(0, 5).allMatch(Shard.ALL::owns));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"));
        var e = assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
        assertTrue(e.getMessage().contains("'two'"), e.getMessage());
    }
}
