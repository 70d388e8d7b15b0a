package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SolvedHaltingTest {
    /** A puzzle of 4 steps that is first right at step {@code firstRight} (0: never) and halts at {@code halt}. */
    private static PuzzleTrajectory puzzle(int row, int difficulty, int firstRight, int halt) {
        float[] p = new float[4];
        boolean[] correct = new boolean[4];
        for (int k = 1; k <= 4; k++) {
            p[k - 1] = k == halt ? 0.95f : 0.1f;
            correct[k - 1] = firstRight > 0 && k >= firstRight;
        }
        return new PuzzleTrajectory(row, difficulty, 20, p, correct, new int[4], new int[4]);
    }

    @Test
    void keepsThePuzzlesRightAtTheirHaltAndComparesHaltingWithSolving() {
        HaltingStats s = new HaltingStats(
                "hand-made",
                "test",
                0.9,
                List.of(
                        puzzle(0, 1, 1, 2), // easy: right at 1, halts at 2
                        puzzle(1, 2, 1, 2),
                        puzzle(2, 3, 2, 3), // medium
                        puzzle(3, 4, 2, 3),
                        puzzle(4, 5, 3, 4), // hard: right at 3, halts at 4
                        puzzle(5, 6, 3, 4),
                        puzzle(6, 1, 0, 0), // never right: runs to the cap, left out
                        puzzle(7, 6, 4, 2))); // halts at 2 while still wrong: left out
        SolvedHalting h = SolvedHalting.of(s);
        assertEquals(8, h.puzzles());
        assertEquals(6, h.solved());
        assertEquals(3, h.buckets().size());
        assertEquals(2.0, h.buckets().get(0).meanHaltStep(), 1e-9);
        assertEquals(1.0, h.buckets().get(0).meanFirstCorrectStep(), 1e-9);
        assertEquals(4.0, h.buckets().get(2).meanHaltStep(), 1e-9);
        assertEquals(3.0, h.buckets().get(2).meanFirstCorrectStep(), 1e-9);
        assertEquals(2.0, h.hardToEasy(true), 1e-9);
        assertEquals(3.0, h.hardToEasy(false), 1e-9);
        // Difficulty 1..6 against steps 2,2,3,3,4,4 (and 1,1,2,2,3,3): ties in pairs, rho = 0.956 for both.
        assertEquals(h.haltRho(), h.firstCorrectRho(), 1e-12);
        assertEquals(
                Statistics.spearman(new double[] {1, 2, 3, 4, 5, 6}, new double[] {2, 2, 3, 3, 4, 4}), h.haltRho());
        assertEquals(6, h.table().rowCount() * 2);
        assertEquals(1.0, h.table().doubleColumn("halt − first correct").get(0), 1e-9);
        assertEquals(0, SolvedHalting.firstCorrectStep(puzzle(9, 1, 0, 0)));
    }
}
