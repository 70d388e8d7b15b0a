package org.looplab.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.analysis.DifficultyBucket;
import org.looplab.analysis.HaltingClaim;
import org.looplab.analysis.HaltingRecord;
import org.looplab.analysis.HaltingUnits;
import org.looplab.analysis.Judgement;
import org.looplab.analysis.Verdict;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Mixer;
import org.looplab.model.RecursionDepth;
import org.looplab.sweep.CellResult;
import org.looplab.train.ModelFamily;
import org.looplab.train.RunRecipe;

/** Halting records pooled over seeds, on hand-made numbers: the means decide, and too few seeds decide nothing. */
class HaltingSeedsTest {

    private static HaltingRecord record(String folder, double rho, double adaptive, double full, double... buckets) {
        List<HaltingClaim.BucketSteps> b = new ArrayList<>();
        DifficultyBucket[] names = DifficultyBucket.values();
        for (int i = 0; i < buckets.length; i++)
            b.add(new HaltingClaim.BucketSteps(names[i], 100, i, i + 1, buckets[i]));
        HaltingClaim c = new HaltingClaim(
                300, 16, 0.9, rho, adaptive, full, 2.5, new HaltingUnits(1, 2, "T = 1"), b, "propagation");
        return new HaltingRecord(
                "checkpoint data/results/x/runs/" + folder + " (run r)", "sudoku6/test", "c", c, null, null);
    }

    private static CellResult run(String folder, long seed) {
        return new CellResult(
                folder,
                "h",
                "r",
                List.of("halting-deck"),
                PuzzleTask.SUDOKU6,
                ModelFamily.TRM_MLP,
                Mixer.MLP,
                1,
                1,
                64,
                2,
                4,
                seed,
                4000,
                1,
                1,
                0.99,
                0.99,
                0.98,
                2.5,
                300,
                0,
                "c",
                "s");
    }

    /** The three 6×6 seeds' own numbers: seed 1 alone misses the accuracy target by 0.1 point, the means meet it. */
    @Test
    void theMeansOverSeedsDecideAndTheReasonGivesTheStrictReadingToo() {
        List<HaltingRecord> rs = List.of(
                record("a-s0-1", 0.487, 0.984, 0.990, 2.09, 2.28, 3.15),
                record("a-s1-2", 0.465, 0.984, 0.995, 2.09, 2.34, 2.96),
                record("a-s2-3", 0.519, 0.988, 0.994, 2.08, 2.30, 3.07));
        List<CellResult> runs = List.of(run("a-s0-1", 0), run("a-s1-2", 1), run("a-s2-3", 2));
        List<HaltingSeeds> groups = HaltingSeeds.group(rs, runs);
        assertEquals(1, groups.size());
        HaltingSeeds g = groups.get(0);
        assertEquals(List.of(0L, 1L, 2L), g.seeds());
        HaltingClaim m = g.mean();
        assertEquals((0.487 + 0.465 + 0.519) / 3, m.spearman(), 1e-12);
        assertEquals((2.09 + 2.09 + 2.08) / 3, m.buckets().get(0).meanSteps(), 1e-12);
        assertEquals(2, g.seedsMeetingAlone());
        // full − adaptive: (0.006 + 0.011 + 0.006) / 3 = 0.0077 ≤ 0.01
        Judgement j = g.judge();
        assertEquals(Verdict.SUPPORTED, j.verdict(), j.reason());
        assertTrue(j.reason().contains("0.8 points below") && j.reason().contains("2 of 3 seeds"), j.reason());
        assertTrue(
                g.describe().startsWith("ρ = 0.49 ± 0.03; adaptive 98.5% ± 0.2 vs all-steps 99.3% ± 0.3"),
                g.describe());
        assertTrue(g.describe().contains("3 seeds: 0, 1, 2; sudoku6 trm-mlp n 1, T 1"), g.describe());
    }

    @Test
    void fewerThanThreeSeedsAreInconclusiveEvenWhenEachMeetsEveryTarget() {
        List<HaltingRecord> rs =
                List.of(record("a-s0-1", 0.6, 0.99, 0.99, 1, 2, 3), record("a-s1-2", 0.6, 0.99, 0.99, 1, 2, 3));
        HaltingSeeds g = HaltingSeeds.group(rs, List.of(run("a-s0-1", 0), run("a-s1-2", 1)))
                .get(0);
        Judgement j = g.judge();
        assertEquals(Verdict.INCONCLUSIVE, j.verdict());
        assertTrue(j.reason().startsWith("2 seeds (need 3); alone it meets every target"), j.reason());
        // A checkpoint outside any sweep is a group of its own, and one seed.
        HaltingSeeds lone = HaltingSeeds.group(List.of(record("x", 0.6, 0.99, 0.99, 1, 2, 3)), List.of())
                .get(0);
        assertTrue(lone.describe().contains("(one run: checkpoint data/results/x/runs/x (run r)"), lone.describe());
        assertTrue(
                lone.judge().reason().startsWith("1 seed (need 3)"),
                lone.judge().reason());
    }

    /** Runs of one {@code looplab train} recipe pool by the recipe's hash, whatever folders they were written to. */
    @Test
    void recordsCarryingOneRecipePoolAndALookAlikeRecipeDoesNot() {
        String sha = "a".repeat(64);
        String label = "sudoku9-mixed trm-mlp n 1, T 1, width 64, 6000 steps";
        List<HaltingRecord> rs = new ArrayList<>();
        String[] folders = {"data/checkpoints/shipped", "data/results/seeds/s1", "data/results/seeds/s2"};
        for (int s = 0; s < 3; s++)
            rs.add(withRecipe(record(folders[s], 0.45 + 0.01 * s, 0.79, 0.80, 7, 9, 11), new RunRecipe(label, sha, s)));
        rs.add(withRecipe(record("other", 0.9, 0.99, 0.99, 1, 2, 3), new RunRecipe(label, "b".repeat(64), 0)));
        rs.add(record("bare", 0.9, 0.99, 0.99, 1, 2, 3));
        // The same weights run at another depth are another measurement, not another seed.
        HaltingRecord deeper = rs.get(0);
        rs.add(new HaltingRecord(
                deeper.model(),
                deeper.data(),
                deeper.commit(),
                deeper.claim(),
                deeper.recipe(),
                new RecursionDepth(1, 3)));
        List<HaltingSeeds> groups = HaltingSeeds.group(rs, List.of());
        assertEquals(4, groups.size(), "one recipe of three seeds, its look-alike, a bare checkpoint, a deeper run");
        assertTrue(
                groups.get(3).describe().contains(label + ", run at n 1, T 3; sudoku6/test"),
                groups.get(3).describe());
        HaltingSeeds pooled = groups.get(0);
        assertEquals(List.of(0L, 1L, 2L), pooled.seeds());
        assertEquals(0.46, pooled.mean().spearman(), 1e-12);
        assertTrue(pooled.describe().contains("(3 seeds: 0, 1, 2; " + label + "; sudoku6/test"), pooled.describe());
        assertEquals(List.of(0L), groups.get(1).seeds());
        assertTrue(groups.get(2).describe().contains("(one run: checkpoint data/results/x/runs/bare"));
    }

    /** The deck's shape: the means decide support; a ratio below 2× beyond seed noise contradicts it. */
    @Test
    void theDecksShapeIsJudgedOnTheMeansAndItsRatioByAOneSampleT() {
        List<CellResult> runs = List.of(run("a-s0-1", 0), run("a-s1-2", 1), run("a-s2-3", 2));
        // Easy 5, hard 12.5: 2.5×, ρ 0.6, adaptive within a point: the deck's picture.
        HaltingSeeds deck = pooled(
                runs,
                record("a-s0-1", 0.6, 0.99, 0.99, 5, 8, 12),
                record("a-s1-2", 0.6, 0.99, 0.99, 5, 8, 13),
                record("a-s2-3", 0.6, 0.99, 0.99, 5, 8, 12.5));
        Judgement j = deck.judgeDeckShape();
        assertEquals(Verdict.SUPPORTED, j.verdict(), j.reason());
        // The 12,000-step 9×9 grid's own ratios: 1.15 ± 0.03 is 2× out of reach beyond any seed noise.
        HaltingSeeds flat = pooled(
                runs,
                record("a-s0-1", 0.25, 0.39, 0.40, 10, 11, 11.2),
                record("a-s1-2", 0.23, 0.39, 0.40, 10, 11, 11.8),
                record("a-s2-3", 0.26, 0.39, 0.40, 10, 11, 11.5));
        j = flat.judgeDeckShape();
        assertEquals(Verdict.CONTRADICTED, j.verdict(), j.reason());
        assertTrue(
                j.reason().contains("(per seed 1.15 ± 0.03)") && j.reason().contains("≥ 4.303 at 2 degrees"),
                j.reason());
        // Near 2× with a wide spread, ρ short: neither.
        HaltingSeeds spread = pooled(
                runs,
                record("a-s0-1", 0.45, 0.99, 0.99, 5, 8, 7),
                record("a-s1-2", 0.45, 0.99, 0.99, 5, 8, 10),
                record("a-s2-3", 0.45, 0.99, 0.99, 5, 8, 12));
        j = spread.judgeDeckShape();
        assertEquals(Verdict.INCONCLUSIVE, j.verdict(), j.reason());
        assertTrue(j.reason().contains("< 4.303"), j.reason());
        // Past 2× with ρ short: nothing contradicts the deck, and the reason says what is short.
        HaltingSeeds steep = pooled(
                runs,
                record("a-s0-1", 0.44, 0.88, 0.885, 3, 5, 7),
                record("a-s1-2", 0.43, 0.88, 0.885, 3, 5, 7.5),
                record("a-s2-3", 0.45, 0.88, 0.885, 3, 5, 6.5));
        j = steep.judgeDeckShape();
        assertEquals(Verdict.INCONCLUSIVE, j.verdict(), j.reason());
        assertTrue(j.reason().endsWith("; the ratio meets 2×, ρ falls short"), j.reason());
        // One seed decides nothing, even in the deck's shape.
        HaltingSeeds one = pooled(runs, record("a-s0-1", 0.6, 0.99, 0.99, 5, 8, 12));
        assertTrue(
                one.judgeDeckShape().reason().startsWith("1 seed (need 3)"),
                one.judgeDeckShape().reason());
        assertEquals(Judgement.T_CRITICAL, HaltingSeeds.oneSampleCritical(9));
    }

    private static HaltingSeeds pooled(List<CellResult> runs, HaltingRecord... records) {
        return HaltingSeeds.group(List.of(records), runs).get(0);
    }

    private static HaltingRecord withRecipe(HaltingRecord r, RunRecipe recipe) {
        return new HaltingRecord(r.model(), r.data(), r.commit(), r.claim(), recipe, r.depth());
    }

    @Test
    void haltingThatFallsWithDifficultyContradictsAndAFlatOneIsInconclusive() {
        List<CellResult> runs = List.of(run("a-s0-1", 0), run("a-s1-2", 1), run("a-s2-3", 2));
        HaltingSeeds falling = HaltingSeeds.group(
                        List.of(
                                record("a-s0-1", -0.3, 0.99, 0.99, 3, 2, 1),
                                record("a-s1-2", -0.2, 0.99, 0.99, 3, 2, 1),
                                record("a-s2-3", -0.1, 0.99, 0.99, 3, 2, 1)),
                        runs)
                .get(0);
        assertEquals(
                Verdict.CONTRADICTED, falling.judge().verdict(), falling.judge().reason());
        HaltingSeeds weak = HaltingSeeds.group(
                        List.of(
                                record("a-s0-1", 0.2, 0.99, 0.99, 1, 1.1, 1.2),
                                record("a-s1-2", 0.3, 0.99, 0.99, 1, 1.1, 1.2),
                                record("a-s2-3", 0.25, 0.99, 0.99, 1, 1.1, 1.2)),
                        runs)
                .get(0);
        assertEquals(Verdict.INCONCLUSIVE, weak.judge().verdict());
        assertTrue(
                weak.judge().reason().contains("rho 0.25 < 0.40"), weak.judge().reason());
    }

    @Test
    void theBoardReadsRecordsFromTheHaltingFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(ClaimsBoard.HALTING));
        record("a-s0-1", 0.6, 0.99, 0.99, 1, 2, 3)
                .write(dir.resolve(ClaimsBoard.HALTING).resolve("one.json"));
        List<ClaimRow> rows = ClaimsBoard.halting(dir.resolve(ClaimsBoard.HALTING), List.of(run("a-s0-1", 0)));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).ours().contains("1 seed: 0;"), rows.get(0).ours());
        assertEquals(Verdict.INCONCLUSIVE, rows.get(0).verdict());
    }
}
