package org.looplab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one inference path: who stops where, that stopped puzzles leave the batch, and that leaving changes nobody. */
class BatchInferenceTest {
    private static final long[][] PUZZLES = {
        {2, 1, 4, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1, 5, 1, 2},
        {1, 3, 1, 1, 4, 1, 1, 1, 1, 1, 2, 1, 1, 1, 5, 1},
        {5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4}
    };

    @Test
    void haltedPuzzlesLeaveTheBatchAndAnswerAsIfAlone() {
        try (var m = TinyRecursiveModel.create(TrmConfig.TINY_MLP, TaskShape.sudoku(4), 7, DataType.FLOAT32)) {
            int nSup = m.config().supervisionSteps();
            assertTrue(nSup >= 3, "needs three steps, N_sup " + nSup);
            // puzzle 0 halts at once (every probability reaches 0), 1 runs to its budget of 2, 2 to N_sup
            List<HaltingRule> rules = List.of(
                    HaltingRule.threshold(0), new HaltingRule.FixedSteps(nSup), new HaltingRule.FixedSteps(nSup));
            List<int[]> seen = new ArrayList<>();
            PuzzleRun[] runs = BatchInference.run(
                    m,
                    PUZZLES,
                    new long[3],
                    rules,
                    new int[] {nSup, 2, nSup},
                    BatchInference.Keep.EVERY_STEP,
                    (k, rows, before, after) -> {
                        assertEquals(
                                rows.length,
                                after.answer().getShape().get(0),
                                "the arrays hold the rows still running");
                        seen.add(rows.clone());
                    });
            assertArrayEquals(new int[] {0, 1, 2}, seen.get(0));
            assertArrayEquals(new int[] {1, 2}, seen.get(1));
            for (int k = 2; k < nSup; k++) assertArrayEquals(new int[] {2}, seen.get(k));
            assertEquals(nSup, seen.size());
            assertEquals(List.of(1, 2, nSup), List.of(runs[0].exitStep(), runs[1].exitStep(), runs[2].exitStep()));
            assertTrue(runs[0].halted(), "stopped by its rule");
            assertFalse(runs[1].halted(), "stopped by its budget");
            assertFalse(runs[2].halted());
            for (int i = 0; i < 3; i++) {
                assertEquals(runs[i].exitStep(), runs[i].signals().steps());
                assertEquals(runs[i].exitStep(), runs[i].stepAnswers().length);
                assertArrayEquals(runs[i].answer(), runs[i].answerAt(runs[i].exitStep()));
                PuzzleRun alone = BatchInference.run(
                        m,
                        new long[][] {PUZZLES[i]},
                        new long[1],
                        new HaltingRule.FixedSteps(runs[i].exitStep()),
                        BatchInference.Keep.EVERY_STEP)[0];
                assertEquals(runs[i].exitStep(), alone.exitStep());
                for (int k = 1; k <= alone.exitStep(); k++) {
                    assertArrayEquals(alone.answerAt(k), runs[i].answerAt(k), "puzzle " + i + " step " + k);
                    assertEquals(
                            alone.signals().haltLogit()[k - 1],
                            runs[i].signals().haltLogit()[k - 1],
                            1e-4);
                    assertEquals(
                            alone.signals().continueLogit()[k - 1],
                            runs[i].signals().continueLogit()[k - 1],
                            1e-4);
                }
            }
        }
    }

    @Test
    void exitAnswersOnlyUnlessAskedAndBadBudgetsAreRefused() {
        try (var m = TinyRecursiveModel.create(TrmConfig.TINY_MLP, TaskShape.sudoku(4), 7, DataType.FLOAT32)) {
            PuzzleRun r = BatchInference.run(
                    m, PUZZLES, new long[3], HaltingRule.threshold(0.5), BatchInference.Keep.EXIT_ANSWER)[0];
            assertNull(r.stepAnswers());
            assertThrows(IllegalStateException.class, () -> r.answerAt(1));
            int nSup = m.config().supervisionSteps();
            var e = assertThrows(
                    IllegalArgumentException.class,
                    () -> BatchInference.run(
                            m,
                            PUZZLES,
                            new long[3],
                            List.of(HaltingRule.threshold(0.5), HaltingRule.threshold(0.5), HaltingRule.threshold(0.5)),
                            new int[] {1, nSup + 1, 1},
                            BatchInference.Keep.EXIT_ANSWER,
                            null));
            assertTrue(e.getMessage().contains("max steps " + (nSup + 1) + " for puzzle 1"), e.getMessage());
        }
    }

    @Test
    void eachFamilyGetsItsOwnRule() {
        try (var trm = TinyRecursiveModel.create(TrmConfig.TINY_MLP, TaskShape.sudoku(4), 1, DataType.FLOAT32);
                var hrm = HierarchicalReasoningModel.create(HrmConfig.TINY, TaskShape.sudoku(4), 1, DataType.FLOAT32)) {
            assertEquals(HaltingRule.threshold(0.7), HaltingRule.of(trm, 0.7));
            assertEquals(new HaltingRule.QHaltOverContinue(), HaltingRule.of(hrm, 0.7));
        }
    }

    @Test
    void rulesReadTheHaltHeadAsTrained() {
        HaltingRule trm = HaltingRule.threshold(0.9), hrm = new HaltingRule.QHaltOverContinue();
        assertTrue(trm.halts(0.9f, 0, 0), "0.9f is below the double 0.9, yet the model said 0.9");
        assertFalse(trm.halts(0.89f, 5, -5), "TRM ignores q_continue");
        assertTrue(hrm.halts(0.1f, -2, -3), "HRM: q_halt > q_continue, whatever the probability");
        assertFalse(hrm.halts(0.99f, 4, 4), "a tie continues");
        HaltSignals s =
                new HaltSignals(new float[] {0.2f, 0.95f, 0.97f}, new float[] {-1, 3, 3.5f}, new float[] {0, 4, 1});
        assertEquals(2, trm.firstHalt(s));
        assertEquals(3, hrm.firstHalt(s));
        assertEquals(2, hrm.exitStep(s, 2), "the cap when the rule has not fired by then");
        assertEquals(0, new HaltingRule.FixedSteps(3).firstHalt(s));
        assertEquals(3, new HaltingRule.FixedSteps(3).cap(16));
        assertEquals("q_halt > q_continue", hrm.describe());
        assertEquals("sigmoid(q_halt) >= 0.9", trm.describe());
    }
}
