package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The two difficulty measures on hand-made puzzles. */
class SudokuRatingTest {

    private static Sudoku parse(String line) {
        return SudokuText.read(new BufferedReader(new StringReader(line)), "test")
                .get(0);
    }

    @Test
    void oneBlankOrABoxOfNakedSinglesIsOneRound() {
        // 1234/3412/2143/4321 with (0,0) blank: its row shows 2, 3, 4.
        assertEquals(new SudokuRating(0, 1, true), SudokuRating.of(parse(".234341221434321")));
        // The top-left box blank: each of its cells sees three digits in its row and column, so all four fill at once.
        assertEquals(new SudokuRating(0, 1, true), SudokuRating.of(parse("..34..1221434321")));
    }

    @Test
    void aCellThatWaitsForOthersAddsARound() {
        // .2.. / 4..3 / .3.1 / ....  (solution 3214/4123/2341/1432)
        // On the givens, (0,2) has candidates 1 and 4, and each of 1 and 4 still has two places in its row, column
        // and box, so it cannot fill in round 1; once round 1 has filled (0,0) = 3 and (1,2) = 2, it is forced.
        SudokuRating r = SudokuRating.of(parse(".2..4..3.3.1...."));
        assertEquals(2, r.singlesRounds());
        assertTrue(r.solvedBySingles());
        assertEquals(0, r.backtracks());
    }

    @Test
    void aPuzzleThatNeedsSearchIsNotSolvedBySingles() {
        // "AI Escargot" (Arto Inkala, 2006), a well-known 9×9 that propagation cannot finish.
        SudokuRating r = SudokuRating.of(
                parse("1....7.9..3..2...8..96..5....53..9...1..8...26....4...3......1..4......7..7...3.."));
        assertFalse(r.solvedBySingles());
        assertTrue(r.backtracks() > 0, "search needed: " + r);
    }

    @Test
    void aPuzzleWithoutAUniqueSolutionIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> SudokuRating.of(parse("........21434321")));
        assertTrue(e.getMessage().contains("2 solutions"), e.getMessage());
    }
}
