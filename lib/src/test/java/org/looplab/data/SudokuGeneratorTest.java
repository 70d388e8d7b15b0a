package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SudokuGeneratorTest {

    @Test
    void everyPuzzleHasExactlyOneSolutionAndItIsTheLabel() {
        for (int side : new int[] {4, 6, 9}) {
            SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(side));
            for (int i = 0; i < (side == 9 ? 30 : 60); i++) {
                SudokuGenerator.Generated g = gen.generate(7, i);
                // Count independently with a higher limit: exactly one.
                SudokuSolver.Result r = SudokuSolver.of(g.puzzle().shape()).count(g.puzzle(), 5);
                assertEquals(1, r.solutions(), g.puzzle().text());
                assertEquals(g.solution(), r.solution());
                assertTrue(SudokuRules.solves(g.solution(), g.puzzle()));
                assertTrue(g.puzzle().givens() < side * side);
            }
        }
    }

    @Test
    void minimalMeansNoGivenCanGo() {
        SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(6));
        Sudoku p = gen.generate(3, 0).puzzle();
        byte[] cells = p.cells();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == 0) continue;
            byte[] fewer = cells.clone();
            fewer[i] = 0;
            assertEquals(
                    2,
                    SudokuSolver.of(p.shape())
                            .solve(new Sudoku(p.shape(), fewer))
                            .solutions(),
                    "given " + i + " was removable");
        }
    }

    @Test
    void hardFilterAndGivensControl() {
        SudokuGenerator hard = new SudokuGenerator(SudokuGeneratorConfig.hard(9, 3));
        for (int i = 0; i < 5; i++) {
            SudokuGenerator.Generated g = hard.generate(11, i);
            assertTrue(g.backtracks() >= 3);
            assertEquals(
                    g.backtracks(),
                    SudokuSolver.of(SudokuShape.NINE).solve(g.puzzle()).backtracks());
        }
        SudokuGenerator easy = new SudokuGenerator(new SudokuGeneratorConfig(9, 40, 0, 1));
        Sudoku p = easy.generate(11, 0).puzzle();
        assertEquals(40, p.givens(), "blanking stops at the target");
        assertEquals(1, SudokuSolver.of(SudokuShape.NINE).solve(p).solutions());
    }

    @Test
    void sameSeedSamePuzzleOtherSeedOther() {
        SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(9));
        assertEquals(gen.generate(5, 2).puzzle(), gen.generate(5, 2).puzzle());
        assertNotEquals(gen.generate(5, 2).puzzle(), gen.generate(6, 2).puzzle());
        assertNotEquals(gen.generate(5, 2).puzzle(), gen.generate(5, 3).puzzle());
    }

    @Test
    void impossibleFilterFailsInsteadOfLooping() {
        // 4×4 puzzles never need search, so asking for a backtrack cannot succeed.
        var gen = new SudokuGenerator(new SudokuGeneratorConfig(4, 0, 1, 50));
        var e = assertThrows(IllegalStateException.class, () -> gen.generate(1, 0));
        assertTrue(e.getMessage().contains(">= 1 backtracks in 50 tries"), e.getMessage());
    }

    @Test
    void configRejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new SudokuGeneratorConfig(5, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SudokuGeneratorConfig(9, 82, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SudokuGeneratorConfig(9, 0, -1, 1));
    }
}
