package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SudokuTransformTest {

    @Test
    void augmentationsKeepValidityAndInvertExactly() {
        Random random = new Random(42);
        for (SudokuShape shape : new SudokuShape[] {SudokuShape.FOUR, SudokuShape.SIX, SudokuShape.NINE}) {
            SudokuGenerator.Generated g =
                    new SudokuGenerator(SudokuGeneratorConfig.minimal(shape.side())).generate(1, 0);
            for (int k = 0; k < 50; k++) {
                SudokuTransform t = SudokuTransform.random(shape, random);
                Sudoku solution = t.apply(g.solution());
                Sudoku puzzle = t.apply(g.puzzle());
                assertTrue(SudokuRules.isSolved(solution), shape + " " + t);
                assertTrue(SudokuRules.solves(solution, puzzle));
                assertEquals(g.puzzle().givens(), puzzle.givens());
                assertEquals(g.puzzle(), t.inverse().apply(puzzle));
                // The augmented puzzle still has exactly one solution, and it is the augmented solution: the
                // classical solver, not the transform's own bookkeeping, says so.
                SudokuSolver.Result solved = SudokuSolver.of(shape).count(puzzle, 2);
                assertTrue(solved.unique(), shape + " " + t);
                assertEquals(solution, solved.solution());
                assertEquals(g.solution(), t.inverse().apply(solution));
                // The token form relabels the same way.
                assertArrayEquals(SudokuEncoding.encode(solution), t.applyTokens(SudokuEncoding.encode(g.solution())));
            }
        }
    }

    @Test
    void transposeIsUsedOnSquareBoxesOnlyAndRejectedForSixBySix() {
        Random random = new Random(1);
        boolean sawTranspose = false;
        Sudoku nine = SudokuSolver.of(SudokuShape.NINE).randomSolution(random);
        for (int k = 0; k < 40; k++) {
            SudokuTransform t = SudokuTransform.random(SudokuShape.NINE, random);
            // A transposed grid has row 0's digits (relabelled) in a column: detect via cellFrom of cell 1.
            sawTranspose |= t.cellFrom()[1] % 9 == t.cellFrom()[0] % 9;
            assertTrue(SudokuRules.isSolved(t.apply(nine)));
        }
        assertTrue(sawTranspose, "9×9 augmentation should sometimes transpose");
        SudokuShape six = SudokuShape.SIX;
        byte[] digits = SudokuTransform.identity(six).digitMap();
        int[][] rows = {{0, 1}, {0, 1}, {0, 1}};
        int[][] cols = {{0, 1, 2}, {0, 1, 2}};
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> SudokuTransform.of(six, digits, true, new int[] {0, 1, 2}, rows, new int[] {0, 1}, cols));
        assertTrue(e.getMessage().contains("square boxes"), e.getMessage());
        // A raw transposition is not a valid 6×6 cell permutation either.
        int[] transpose = new int[36];
        for (int r = 0; r < 6; r++) for (int c = 0; c < 6; c++) transpose[r * 6 + c] = c * 6 + r;
        assertThrows(IllegalArgumentException.class, () -> new SudokuTransform(six, digits, transpose));
        for (int k = 0; k < 40; k++) {
            assertTrue(SudokuRules.isSolved(SudokuTransform.random(six, random)
                    .apply(SudokuSolver.of(six).randomSolution(random))));
        }
    }

    @Test
    void canonicalKeyIsInvariantAndSeparatesDifferentPuzzles() {
        Random random = new Random(9);
        for (SudokuShape shape : new SudokuShape[] {SudokuShape.FOUR, SudokuShape.SIX, SudokuShape.NINE}) {
            SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(shape.side()));
            Set<String> keys = new HashSet<>();
            int n = 20;
            for (int i = 0; i < n; i++) {
                Sudoku p = gen.generate(2, i).puzzle();
                String key = SudokuCanonical.key(p);
                keys.add(key);
                for (int k = 0; k < 5; k++)
                    assertEquals(
                            key,
                            SudokuCanonical.key(
                                    SudokuTransform.random(shape, random).apply(p)));
            }
            // 6×6 and 9×9 minimal puzzles are almost never equivalent; 4×4 ones often are (few classes exist).
            if (shape.side() > 4) assertEquals(n, keys.size(), shape.toString());
        }
        // Exact 4×4 form: a non-equivalent puzzle (another given count) has another key.
        assertTrue(!SudokuCanonical.key(SudokuText.parse("1..............."))
                .equals(SudokuCanonical.key(SudokuText.parse("12.............."))));
        assertEquals(
                SudokuCanonical.key(SudokuText.parse("1...............")),
                SudokuCanonical.key(SudokuText.parse("...............3")));
    }

    @Test
    void encodingMatchesTheReference() {
        Sudoku p = SudokuText.parse(SudokuSolverTest.EASY);
        byte[] tokens = SudokuEncoding.encode(p);
        assertEquals(6, tokens[0], "digit 5 → 6");
        assertEquals(1, tokens[2], "blank → 1");
        assertEquals(10, SudokuEncoding.encode(SudokuText.parse(SudokuSolverTest.EASY_SOLUTION))[6], "digit 9 → 10");
        assertEquals(11, SudokuShape.NINE.vocab());
        assertEquals(6, SudokuShape.FOUR.vocab());
        assertEquals(8, SudokuShape.SIX.vocab());
        assertEquals(p, SudokuEncoding.decode(tokens, SudokuShape.NINE));
        tokens[5] = 0;
        var e = assertThrows(IllegalArgumentException.class, () -> SudokuEncoding.decode(tokens, SudokuShape.NINE));
        assertTrue(e.getMessage().contains("cell 6"), e.getMessage());
    }
}
