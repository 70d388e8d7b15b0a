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
import org.looplab.analysis.Sample;
import org.looplab.analysis.Verdict;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Mixer;
import org.looplab.sweep.CellResult;
import org.looplab.train.ModelFamily;

/** The scoreboard's verdicts on hand-made results: every expected t is worked out in the comments. */
class ClaimsBoardTest {

    private static Sample s(double... v) {
        List<Double> l = new ArrayList<>();
        for (double d : v) l.add(d);
        return Sample.of(l);
    }

    @Test
    void sampleMeanAndSampleSd() {
        Sample a = s(0.8, 0.9, 1.0);
        assertEquals(0.9, a.mean(), 1e-12);
        assertEquals(0.1, a.sd(), 1e-12); // deviations ±0.1, 0: sqrt(0.02 / 2)
        assertEquals(0, s(0.5).sd());
        assertEquals("90.0% ± 10.0 (3 seeds)", a.describe());
    }

    /** Every halting configuration gets the halting row; only 9×9 Sudoku gets the deck's stricter shape as well. */
    @Test
    void theDecksShapeRowIsForNineByNineSudokuOnly(@TempDir Path dir) {
        List<HaltingClaim.BucketSteps> b = List.of(
                new HaltingClaim.BucketSteps(DifficultyBucket.EASY, 100, 0, 1, 5),
                new HaltingClaim.BucketSteps(DifficultyBucket.MEDIUM, 100, 1, 2, 8),
                new HaltingClaim.BucketSteps(DifficultyBucket.HARD, 100, 2, 3, 12));
        HaltingClaim c =
                new HaltingClaim(300, 16, 0.9, 0.6, 0.99, 0.99, 8, new HaltingUnits(1, 2, "T = 1"), b, "propagation");
        new HaltingRecord("checkpoint a", "sudoku6/test", "c", c, null, null).write(dir.resolve("a.json"));
        new HaltingRecord("checkpoint b", "sudoku9-mixed/test (sha256 d5…)", "c", c, null, null)
                .write(dir.resolve("b.json"));
        List<ClaimRow> rows = ClaimsBoard.halting(dir, List.of());
        assertEquals(3, rows.size(), rows.toString());
        List<ClaimRow> deck = rows.stream()
                .filter(r -> r.claim().equals(ClaimsBoard.DECK_SHAPE))
                .toList();
        assertEquals(1, deck.size());
        assertTrue(deck.get(0).ours().contains("checkpoint b"), deck.get(0).ours());
        assertEquals(Verdict.INCONCLUSIVE, deck.get(0).verdict(), "one run");
    }

    @Test
    void welchDecidesTheDirectionAndTheNoiseBand() {
        // 0.9 ± 0.1 vs 0.5 ± 0.1, 3 seeds each: se = sqrt(0.01/3 · 2) = 0.08165, t = 0.4 / 0.08165 = 4.90 ≥ 2.776
        Judgement up = Judgement.compare("A", s(0.8, 0.9, 1.0), "B", s(0.4, 0.5, 0.6));
        assertEquals(Verdict.SUPPORTED, up.verdict(), up.reason());
        assertTrue(up.reason().contains("+40.0 points") && up.reason().contains("t = 4.90"), up.reason());
        // The same numbers the other way round contradict the claim.
        assertEquals(
                Verdict.CONTRADICTED,
                Judgement.compare("B", s(0.4, 0.5, 0.6), "A", s(0.8, 0.9, 1.0)).verdict());
        // 0.9 ± 0.1 vs 0.8 ± 0.1: t = 0.1 / 0.08165 = 1.22, within noise.
        Judgement close = Judgement.compare("A", s(0.8, 0.9, 1.0), "B", s(0.7, 0.8, 0.9));
        assertEquals(Verdict.INCONCLUSIVE, close.verdict());
        assertTrue(close.reason().contains("within seed noise"), close.reason());
        // No spread and a gap: t is infinite, and the claim is supported.
        assertEquals(
                Verdict.SUPPORTED,
                Judgement.compare("A", s(1, 1, 1), "B", s(0, 0, 0)).verdict());
    }

    @Test
    void tooFewSeedsOrNothingLearnedIsInconclusiveAndSaysWhy() {
        Judgement two = Judgement.compare("A", s(1, 1), "B", s(0, 0, 0));
        assertEquals(Verdict.INCONCLUSIVE, two.verdict());
        assertTrue(two.reason().startsWith("2 seeds"), two.reason());
        Judgement zero = Judgement.compare("A", s(0, 0, 0), "B", s(0, 0, 0));
        assertEquals(Verdict.INCONCLUSIVE, zero.verdict());
        assertTrue(zero.reason().contains("neither learned"), zero.reason());
    }

    private static CellResult run(String grid, String task, String mixer, int depth, long seed, double exact) {
        return new CellResult(
                "f" + seed,
                "h",
                "r",
                List.of(grid),
                PuzzleTask.of(task),
                mixer.equals("MLP") ? ModelFamily.TRM_MLP : ModelFamily.TRM_ATT,
                Mixer.valueOf(mixer),
                2,
                2,
                64,
                2,
                depth,
                seed,
                500,
                1,
                1,
                exact,
                exact,
                exact,
                1,
                100,
                0,
                "c",
                "s");
    }

    @Test
    void mixerClaimsSplitSudokuFromMazesAndFavourTheirOwnArm() {
        List<CellResult> runs = new ArrayList<>();
        for (long seed = 0; seed < 3; seed++) {
            runs.add(run("mixer", "sudoku6", "MLP", 12, seed, 0.8 + 0.1 * seed));
            runs.add(run("mixer", "sudoku6", "ATTENTION", 12, seed, 0.4 + 0.1 * seed));
            runs.add(run("mixer", "maze15", "MLP", 12, seed, 0.0));
            runs.add(run("mixer", "maze15", "ATTENTION", 12, seed, 0.5 + 0.1 * seed));
        }
        List<ClaimRow> sudoku = ClaimsBoard.mixer(runs, "mlp wins", true, "p");
        assertEquals(1, sudoku.size());
        assertEquals(Verdict.SUPPORTED, sudoku.get(0).verdict());
        assertTrue(sudoku.get(0).ours().contains("sudoku6"), sudoku.get(0).ours());
        List<ClaimRow> maze = ClaimsBoard.mixer(runs, "attention wins", false, "p");
        assertEquals(Verdict.SUPPORTED, maze.get(0).verdict(), maze.get(0).reason()); // 0.6 ± 0.1 vs 0: t = 10.4
        assertEquals(
                Verdict.INCONCLUSIVE,
                ClaimsBoard.mixer(List.of(), "x", true, "p").get(0).verdict());
    }

    @Test
    void deeperLosingAtEqualStepsContradictsDepth() {
        List<CellResult> runs = new ArrayList<>();
        for (long seed = 0; seed < 3; seed++) {
            runs.add(run("depth", "sudoku4", "MLP", 6, seed, 0.9 + 0.01 * seed));
            runs.add(run("depth", "sudoku4", "MLP", 12, seed, 0.8));
            runs.add(run("depth", "sudoku4", "MLP", 28, seed, 0.5 + 0.01 * seed));
        }
        List<ClaimRow> rows = ClaimsBoard.depth(runs);
        assertEquals(1, rows.size());
        assertEquals(Verdict.CONTRADICTED, rows.get(0).verdict(), rows.get(0).reason());
        assertTrue(
                rows.get(0).ours().contains("depth 28")
                        && rows.get(0).ours().contains("depth 6")
                        && rows.get(0).ours().contains("equal optimiser steps"),
                rows.get(0).ours());
    }

    @Test
    void aOneSeedPairedComparisonIsInconclusive(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("full-vs-1step-sudoku4");
        Files.createDirectories(f);
        Files.writeString(
                f.resolve("comparison.csv"),
                "step,full_run,full_exact,one_step_run,one_step_exact\n" + "500,a,0.882,b,0.468\n1500,a,1.0,b,1.0\n");
        List<ClaimRow> rows = ClaimsBoard.read(dir);
        ClaimRow unroll = rows.stream()
                .filter(r -> r.claim().startsWith("full unroll"))
                .findFirst()
                .orElseThrow();
        assertEquals(Verdict.INCONCLUSIVE, unroll.verdict());
        assertTrue(unroll.reason().startsWith("1 seed"), unroll.reason());
        assertTrue(unroll.ours().contains("step 500 88.2% vs 46.8%"), unroll.ours());
        // Nothing else is there: every other claim says it has no runs, none is dropped from the board.
        assertEquals(6, rows.size());
        assertTrue(rows.stream().filter(r -> r != unroll).allMatch(r -> r.verdict() == Verdict.INCONCLUSIVE));
        assertTrue(ClaimsBoard.markdown(rows).startsWith("| claim |"));
    }

    @Test
    void aRowSaysWhenItsRunsCameFromDifferentTrainingCode() {
        CellResult a = run("mixer", "sudoku6", "MLP", 12, 0, 0.9);
        CellResult b = run("mixer", "sudoku6", "ATTENTION", 12, 0, 0.5);
        assertEquals("", ClaimsBoard.codeVersions(List.of(a, b)));
        CellResult other = new CellResult(
                b.folder(),
                b.hash(),
                b.runId(),
                b.grids(),
                b.task(),
                b.model(),
                b.mixer(),
                b.latentSteps(),
                b.recursions(),
                b.hiddenSize(),
                b.layers(),
                b.depth(),
                1,
                b.steps(),
                b.seconds(),
                b.parameters(),
                b.exactAccuracy(),
                b.cellAccuracy(),
                b.adaptiveExact(),
                b.adaptiveMeanSteps(),
                b.testPuzzles(),
                b.resumes(),
                b.commit(),
                "0123456789abcdef");
        assertEquals(
                "; MIXED training code: runs 1 by 0123456789ab, 2 by s (sources hash)",
                ClaimsBoard.codeVersions(List.of(a, b, other)));
        List<ClaimRow> rows = ClaimsBoard.mixer(List.of(a, b, other), "mlp wins", true, "p");
        assertTrue(
                rows.get(0).reason().contains("MIXED training code"),
                rows.get(0).reason());
    }
}
