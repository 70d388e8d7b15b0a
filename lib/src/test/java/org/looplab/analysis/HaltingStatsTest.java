package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.model.RecursionTrace;
import org.looplab.model.TraceStep;
import tech.tablesaw.api.Table;

/** The halting arithmetic on four hand-made puzzles with N_sup = 4; every expected value is worked out in comments. */
class HaltingStatsTest {

    private static final boolean T = true, F = false;

    private static PuzzleTrajectory p(int row, int backtracks, int givens, float[] halt, boolean[] correct) {
        return new PuzzleTrajectory(row, backtracks, givens, halt, correct, new int[halt.length], new int[halt.length]);
    }

    // threshold 0.5:
    // P0 halts at 2 (0.6), right from step 2         -> stops at 2, right
    // P1 never reaches 0.5, right only at step 4     -> stops at the cap 4, right
    // P2 halts at 1 (0.7), right from step 3         -> stops at 1, wrong: halted too early
    // P3 halts at 3 (0.55), never right              -> stops at 3, wrong
    private static final List<PuzzleTrajectory> FOUR = List.of(
            p(0, 0, 6, new float[] {0.1f, 0.6f, 0.9f, 0.95f}, new boolean[] {F, T, T, T}),
            p(1, 5, 4, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new boolean[] {F, F, F, T}),
            p(2, 2, 5, new float[] {0.7f, 0.8f, 0.9f, 0.9f}, new boolean[] {F, F, T, T}),
            p(3, 2, 5, new float[] {0.2f, 0.3f, 0.55f, 0.6f}, new boolean[] {F, F, F, F}));

    private static HaltingStats four() {
        return new HaltingStats("hand-made", "four puzzles", 0.5, FOUR);
    }

    @Test
    void stepsToHaltAreTheFirstCrossingOrTheCap() {
        HaltingStats s = four();
        assertEquals(List.of(2, 4, 1, 3), FOUR.stream().map(s::haltStep).toList());
        assertEquals(
                List.of(2, 0, 1, 3), FOUR.stream().map(x -> x.firstHalt(0.5)).toList());
        assertEquals(
                List.of(2, 4, 3, 0),
                FOUR.stream().map(PuzzleTrajectory::firstCorrect).toList());
        // A higher threshold moves the crossing later: P0 reaches 0.9 at step 3, P3 never does.
        assertEquals(
                List.of(3, 0, 3, 0), FOUR.stream().map(x -> x.firstHalt(0.9)).toList());
        // Reaching the threshold exactly counts as crossing it.
        assertEquals(2, FOUR.get(0).firstHalt(0.6f));
    }

    @Test
    void accuracyAgainstTheStepsAllowed() {
        List<HaltingStats.Budget> b = four().budgets();
        // fixed K: right at step K -> K=1 none; K=2 P0; K=3 P0, P2; K=4 P0, P1, P2.
        assertArrayEquals(
                new double[] {0, 0.25, 0.5, 0.75},
                b.stream().mapToDouble(HaltingStats.Budget::fixedAccuracy).toArray());
        // adaptive, cap K: stops min(halt, K) = K=1 (1,1,1,1), K=2 (2,2,1,2), K=3 (2,3,1,3), K=4 (2,4,1,3);
        // right there: K=2 P0 only; K=3 P0 only (P2 stopped at 1); K=4 P0 and P1.
        assertArrayEquals(
                new double[] {0, 0.25, 0.25, 0.5},
                b.stream().mapToDouble(HaltingStats.Budget::adaptiveAccuracy).toArray());
        assertArrayEquals(
                new double[] {1, 1.75, 2.25, 2.5},
                b.stream().mapToDouble(HaltingStats.Budget::adaptiveMeanSteps).toArray(),
                1e-12);
        assertEquals(4, HaltingTables.accuracyByMaxSteps(four()).rowCount());
    }

    @Test
    void savingsAgainstTheCheapestFixedBudgetAsAccurate() {
        HaltingStats.Savings s = four().savings();
        assertEquals(0.5, s.adaptiveAccuracy());
        assertEquals(2.5, s.adaptiveMeanSteps(), 1e-12); // (2 + 4 + 1 + 3) / 4
        assertEquals(0.75, s.maxStepsAccuracy());
        assertEquals(3, s.equalFixedSteps()); // fixed 3 gives 0.5, fixed 2 only 0.25
        assertEquals(1 - 2.5 / 4, s.savedVsFixedMax(), 1e-12); // 37.5% fewer steps than always 4...
        assertEquals(1 - 2.5 / 3, s.savedVsEqual(), 1e-12); // ...and 1/6 fewer than fixed 3 at equal accuracy
        Table t = HaltingTables.savingsTable(four());
        assertEquals(3, t.rowCount());
        assertTrue(t.stringColumn("policy").get(1).startsWith("fixed K = 3"), t.print());
    }

    @Test
    void noFixedBudgetMatchingAdaptiveIsReportedNotInvented() {
        // Right only at step 1; halts there. Fixed K=1 matches, so equal steps = 1 and nothing is saved.
        var one = p(0, 0, 4, new float[] {0.9f, 0.9f}, new boolean[] {T, F});
        // A right-then-wrong puzzle that adaptive halting catches at step 1, and one right only at step 2 that it runs
        // to:
        // fixed 1 -> 1/2, fixed 2 -> 1/2, adaptive -> 2/2: no fixed budget is as accurate.
        var late = p(1, 0, 4, new float[] {0.1f, 0.2f}, new boolean[] {F, T});
        HaltingStats.Savings s = new HaltingStats("m", "d", 0.5, List.of(one, late)).savings();
        assertEquals(1.0, s.adaptiveAccuracy());
        assertEquals(0, s.equalFixedSteps());
        assertTrue(Double.isNaN(s.savedVsEqual()));
        assertEquals(1 - 1.5 / 2, s.savedVsFixedMax(), 1e-12);
    }

    @Test
    void calibrationBucketsAndExpectedCalibrationError() {
        HaltingStats.Calibration c = four().calibration(2);
        assertEquals(16, c.pairs());
        var low = c.bins().get(0); // [0, 0.5): 0.1 | 0.1 0.2 0.3 0.4 | 0.2 0.3
        assertEquals(7, low.count());
        assertEquals(1.6 / 7, low.meanProbability(), 1e-6);
        assertEquals(1.0 / 7, low.accuracy(), 1e-12); // only P1 at step 4 (0.4) was right
        var high = c.bins().get(1); // [0.5, 1]: 0.6 0.9 0.95 | 0.7 0.8 0.9 0.9 | 0.55 0.6
        assertEquals(9, high.count());
        assertEquals(6.9 / 9, high.meanProbability(), 1e-6);
        assertEquals(5.0 / 9, high.accuracy(), 1e-12);
        // ECE = 7/16·|1/7 − 1.6/7| + 9/16·|5/9 − 6.9/9| = (0.6 + 1.9) / 16
        assertEquals(2.5 / 16, c.ece(), 1e-6);
    }

    @Test
    void calibrationPutsCertaintyInTheLastBinAndSkipsEmptyBins() {
        var sure = p(0, 0, 4, new float[] {1.0f, 0.0f}, new boolean[] {T, F});
        HaltingStats.Calibration c = new HaltingStats("m", "d", 0.5, List.of(sure)).calibration(10);
        assertEquals(1, c.bins().get(9).count());
        assertEquals(1, c.bins().get(0).count());
        assertEquals(0, c.bins().get(5).count());
        assertEquals(0.0, c.ece(), 1e-12); // says 1 when right, 0 when wrong: perfect
    }

    @Test
    void difficultyBucketsByBacktracksThenGivensKeepingTiesTogether() {
        // keys in order: (0 bt, 5 giv) < (0, 4) < (1, 5) < (2, 5) < (3, 5) < (7, 5): six levels of one, two per third
        var b = DifficultyBucket.of(new int[] {0, 0, 1, 3, 7, 2}, new int[] {5, 4, 5, 5, 5, 5});
        assertArrayEquals(
                new DifficultyBucket[] {
                    DifficultyBucket.EASY,
                    DifficultyBucket.EASY,
                    DifficultyBucket.MEDIUM,
                    DifficultyBucket.HARD,
                    DifficultyBucket.HARD,
                    DifficultyBucket.MEDIUM
                },
                b);
        // The sudoku4 shape: no backtracks; 1 puzzle with 6 givens, 2 with 5, 7 with 4. Only cut: [6g] [5g] [4g].
        int[] none = new int[10], givens = {4, 4, 5, 4, 6, 4, 4, 5, 4, 4};
        var s4 = DifficultyBucket.of(none, givens);
        for (int i = 0; i < 10; i++)
            assertEquals(
                    givens[i] == 6
                            ? DifficultyBucket.EASY
                            : givens[i] == 5 ? DifficultyBucket.MEDIUM : DifficultyBucket.HARD,
                    s4[i]);
        // Levels of 4, 1, 1, 3 (n = 9, a third is 3): [4][1 1][3] costs 1+1+0 = 2, [4][1][1 3] costs 1+4+1 = 6.
        var uneven = DifficultyBucket.of(new int[] {0, 0, 0, 0, 1, 2, 3, 3, 3}, new int[9]);
        assertArrayEquals(
                new DifficultyBucket[] {
                    DifficultyBucket.EASY,
                    DifficultyBucket.EASY,
                    DifficultyBucket.EASY,
                    DifficultyBucket.EASY,
                    DifficultyBucket.MEDIUM,
                    DifficultyBucket.MEDIUM,
                    DifficultyBucket.HARD,
                    DifficultyBucket.HARD,
                    DifficultyBucket.HARD
                },
                uneven);
        // Two levels: easy and hard, no medium. One level: nothing to call hard.
        assertArrayEquals(
                new DifficultyBucket[] {DifficultyBucket.HARD, DifficultyBucket.EASY, DifficultyBucket.EASY},
                DifficultyBucket.of(new int[] {2, 0, 0}, new int[3]));
        for (DifficultyBucket x : DifficultyBucket.of(new int[] {3, 3, 3}, new int[] {5, 5, 5}))
            assertEquals(DifficultyBucket.EASY, x);
        // The four puzzles: levels P0 (0 bt) | P2, P3 (2 bt, tied) | P1 (5 bt).
        assertArrayEquals(
                new DifficultyBucket[] {
                    DifficultyBucket.EASY, DifficultyBucket.HARD, DifficultyBucket.MEDIUM, DifficultyBucket.MEDIUM
                },
                four().buckets());
    }

    @Test
    void deckTableHasOurNumbersBesideTheClaim() {
        Table t = HaltingTables.deckComparison(four());
        assertEquals(List.of("easy", "hard"), t.stringColumn("bucket").asList());
        assertEquals(List.of("4–6", "12–16"), t.stringColumn("deck claim").asList());
        assertEquals(2.0, t.doubleColumn("halt step median").get(0)); // easy is P0, halting at 2...
        assertEquals("2", t.stringColumn("halt step min–max").get(0));
        assertEquals(1.0, t.doubleColumn("accuracy at halt").get(0)); // ...with the right answer
        assertEquals(4.0, t.doubleColumn("halt step median").get(1)); // hard is P1: never halts, runs to the cap
        assertEquals(1, t.intColumn("never reached threshold").get(1));
        Table all = HaltingTables.byDifficulty(four());
        assertEquals(3, all.rowCount());
        assertEquals(2, all.intColumn("puzzles").get(1)); // medium: P2 (halts at 1) and P3 (at 3)
        assertEquals(2.0, all.doubleColumn("halt step median").get(1));
        assertEquals("1–3", all.stringColumn("halt step min–max").get(1));
        assertEquals(0.0, all.doubleColumn("accuracy at halt").get(1));
    }

    @Test
    void trajectoryFromATraceCountsChangesFromTheInputAndErrorsAgainstTheTarget() {
        // 4×4 solution 1234/3412/2143/4321, tokens digit+1; givens at 0, 5, 10, 15 (4 givens), blanks are 1.
        int[] sol = {1, 2, 3, 4, 3, 4, 1, 2, 2, 1, 4, 3, 4, 3, 2, 1};
        byte[] label = new byte[16], input = new byte[16];
        for (int c = 0; c < 16; c++) {
            label[c] = (byte) (sol[c] + 1);
            input[c] = c % 5 == 0 ? label[c] : 1;
        }
        PuzzleDataSet set =
                new PuzzleDataSet("t/test", PuzzleKind.SUDOKU, 4, 6, 16, input, label, new int[] {7}, new int[1]);
        int[] step1 = new int[16], step2 = new int[16];
        for (int c = 0; c < 16; c++) step1[c] = step2[c] = label[c];
        step1[1] = 4; // two wrong cells at step 1...
        step1[2] = 3; // ...fixed at step 2
        float[][] bars = {new float[16]};
        RecursionTrace trace = new RecursionTrace(
                "Trm",
                new long[][] {new long[16]},
                List.of(
                        new TraceStep(
                                1, new int[][] {step1}, new float[] {0.2f}, bars, new float[] {1}, new float[] {1}),
                        new TraceStep(
                                2, new int[][] {step2}, new float[] {0.8f}, bars, new float[] {1}, new float[] {1})));
        PuzzleTrajectory t = HaltingStats.trajectory(trace, 0, 0, set);
        assertEquals(4, t.givens());
        assertEquals(7, t.difficulty());
        assertArrayEquals(new int[] {12, 2}, t.cellsChanged()); // 12 blanks written, then 2 corrections
        assertArrayEquals(new int[] {2, 0}, t.cellsWrong());
        assertArrayEquals(new boolean[] {F, T}, t.correct());
        assertEquals(2, t.firstHalt(0.5));
    }

    @Test
    void mismatchedStepCountsAndBadThresholdsFail() {
        var shortOne = new PuzzleTrajectory(9, 0, 4, new float[] {0.1f}, new boolean[] {F}, new int[1], new int[1]);
        var e = assertThrows(
                IllegalArgumentException.class, () -> new HaltingStats("m", "d", 0.5, List.of(FOUR.get(0), shortOne)));
        assertTrue(e.getMessage().contains("row 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HaltingStats("m", "d", 0, FOUR));
    }
}
