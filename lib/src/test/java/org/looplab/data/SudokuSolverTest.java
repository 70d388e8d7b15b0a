package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SudokuSolverTest {

    // A well-known 9×9 puzzle (the Wikipedia example) and its published solution.
    static final String EASY = "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79";
    static final String EASY_SOLUTION =
            "534678912672195348198342567859761423426853791713924856961537284287419635345286179";
    // A puzzle publicised as very hard (Inkala 2012): singles alone cannot finish it.
    static final String HARD = "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4..";

    @Test
    void solvesAKnownPuzzleWithoutSearch() {
        SudokuSolver.Result r = SudokuSolver.of(SudokuShape.NINE).solve(SudokuText.parse(EASY));
        assertEquals(1, r.solutions());
        assertEquals(EASY_SOLUTION, r.solution().text());
        assertEquals(0, r.backtracks(), "naked and hidden singles solve this one");
        assertEquals(0, r.guesses());
    }

    @Test
    void hardPuzzleNeedsSearchAndIsStillUnique() {
        Sudoku p = SudokuText.parse(HARD);
        SudokuSolver.Result r = SudokuSolver.of(SudokuShape.NINE).solve(p);
        assertEquals(1, r.solutions());
        assertTrue(SudokuRules.solves(r.solution(), p));
        assertTrue(r.backtracks() > 0, "backtracks " + r.backtracks());
    }

    @Test
    void countsSeveralAndNoSolutions() {
        SudokuSolver four = SudokuSolver.of(SudokuShape.FOUR);
        assertEquals(
                2, four.solve(SudokuText.parse("................")).solutions(), "empty grid: stops counting at 2");
        assertEquals(
                288, four.count(SudokuText.parse("................"), 1000).solutions(), "there are 288 4×4 grids");
        // Row 0 needs a 4 at column 3 but column 3 already has one below: no solution.
        Sudoku stuck = SudokuText.parse("123." + "...4" + "...." + "....");
        assertEquals(0, four.solve(stuck).solutions());
    }

    @Test
    void sixBySixHasTwoByThreeBoxes() {
        SudokuShape six = SudokuShape.SIX;
        assertEquals(0, six.box(0, 2));
        assertEquals(1, six.box(0, 3));
        assertEquals(2, six.box(2, 0));
        Sudoku solved = SudokuSolver.of(six).randomSolution(new java.util.Random(1));
        assertTrue(SudokuRules.isSolved(solved));
        // Rows 0-1 columns 0-2 form one box: six distinct digits.
        java.util.Set<Integer> box = new java.util.HashSet<>();
        for (int r = 0; r < 2; r++) for (int c = 0; c < 3; c++) box.add(solved.get(r, c));
        assertEquals(6, box.size());
    }

    @Test
    void brokenFourByFourFailsAtItsCell() {
        Sudoku broken = SudokuText.parse("1234" + "3412" + "2143" + "4312");
        String why = SudokuRules.firstViolation(broken).orElseThrow();
        assertEquals("column 3 repeats 1 at rows 2 and 4", why); // counted from 1, as users count
        assertTrue(SudokuRules.isSolved(SudokuText.parse("1234" + "3412" + "2143" + "4321")));
    }
}
