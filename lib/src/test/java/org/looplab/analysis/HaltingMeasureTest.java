package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleDataSets;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;

/** Measuring a real (untrained) model end to end: shapes, and what an untrained halt head must do. */
class HaltingMeasureTest {

    @Test
    void anUntrainedHeadNeverHaltsSoEveryPuzzleRunsToTheCap() {
        PuzzleDataSet test = PuzzleDataSets.build("sudoku4", Profile.SMOKE).test();
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 1)) {
            int rows = test.count(); // 32 in smoke: traced in batches of 10, 10, 10, 2
            HaltingStats s = HaltingStats.measure(m, "untrained", test, "sudoku4/test", rows, 0.5, 10);
            assertEquals(rows, s.size());
            assertEquals(4, s.maxSteps()); // TINY's N_sup
            for (int i = 0; i < rows; i++) {
                PuzzleTrajectory p = s.puzzles().get(i);
                assertEquals(i, p.row());
                assertEquals(test.difficulty(i), p.difficulty());
                assertTrue(
                        p.givens() >= 4 && p.givens() < 16,
                        "4×4 minimal puzzles have at least 4 givens: " + p.givens());
                for (float h : p.haltProbability()) assertEquals(1 / (1 + Math.exp(5)), h, 1e-5); // halt bias -5
                assertEquals(0, p.firstHalt(0.5));
                assertEquals(4, s.haltStep(p));
            }
            assertEquals(4.0, s.savings().adaptiveMeanSteps()); // nothing saved when nothing halts
            assertEquals(0.0, s.savings().savedVsFixedMax());
        }
    }

    @Test
    void reratingKeepsEveryStepAndAgreesWithMeasuringUnderThatRating() {
        PuzzleDataSet test = PuzzleDataSets.build("sudoku4", Profile.SMOKE).test();
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 1)) {
            HaltingStats byBacktracks = HaltingStats.measure(m, "untrained", test, "sudoku4/test", 12, 0.5);
            HaltingStats direct =
                    HaltingStats.measure(m, "untrained", test, "sudoku4/test", 12, 0.5, DifficultyRating.PROPAGATION);
            HaltingStats rerated = byBacktracks.rated(DifficultyRating.PROPAGATION, test);
            assertEquals(DifficultyRating.PROPAGATION, rerated.rating());
            for (int i = 0; i < 12; i++) {
                PuzzleTrajectory was = byBacktracks.puzzles().get(i),
                        now = rerated.puzzles().get(i);
                assertEquals(direct.puzzles().get(i).difficulty(), now.difficulty());
                // 4×4 minimal puzzles fall to singles: a rating of rounds, never the search band.
                assertTrue(now.difficulty() >= 1 && now.difficulty() < DifficultyRating.SEARCH, "row " + i);
                assertArrayEquals(was.haltProbability(), now.haltProbability());
                assertArrayEquals(was.correct(), now.correct());
                assertEquals(was.givens(), now.givens());
            }
            var e = assertThrows(
                    IllegalArgumentException.class, () -> byBacktracks.rated(DifficultyRating.PATH_LENGTH, test));
            assertTrue(e.getMessage().contains("for mazes"), e.getMessage());
        }
    }
}
