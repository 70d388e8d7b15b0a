package org.looplab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;

/** The 9×9 ladder climbs from one blank cell to minimal puzzles that need deep search, each with one solution. */
class PuzzleLadderTest {

    @Test
    void theSearchLadderAddsTwoLevelsOfSearchAboveTheFourBlankingLevels() {
        List<PuzzleLadder.Rung> ladder = PuzzleLadder.sudokuWithSearch(9, 1, 7);
        assertEquals(
                List.of(
                        "1 blank",
                        "25% blank",
                        "50% blank",
                        "minimal",
                        "minimal, ≥ 3 backtracks",
                        "minimal, ≥ 20 backtracks"),
                ladder.stream().map(PuzzleLadder.Rung::level).toList());
        // The first four are the plain ladder's puzzles: one seed, one set of puzzles whichever list asks.
        assertEquals(PuzzleLadder.sudoku(List.of(9), 1, 7), ladder.subList(0, 4));
        assertEquals(80, ladder.get(0).givens());
        assertTrue(
                ladder.get(4).backtracks() >= PuzzleLadder.SEARCH, ladder.get(4).toString());
        assertTrue(
                ladder.get(5).backtracks() >= PuzzleLadder.DEEP_SEARCH,
                ladder.get(5).toString());
        for (PuzzleLadder.Rung r : ladder) {
            Sudoku puzzle = SudokuText.parse(r.puzzle());
            assertEquals(9, r.side());
            assertEquals(r.givens(), puzzle.givens());
            SudokuSolver.Result solved = SudokuSolver.of(puzzle.shape()).solve(puzzle);
            assertTrue(solved.unique(), r.level() + ": exactly one solution");
            assertEquals(r.backtracks(), solved.backtracks(), r.level() + ": the backtracks the rung reports");
        }
        assertTrue(PuzzleLadder.perLevel(Profile.SMOKE) < PuzzleLadder.perLevel(Profile.CPU));
    }
}
