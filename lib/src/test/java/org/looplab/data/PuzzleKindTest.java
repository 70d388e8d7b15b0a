package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one home of a puzzle's kind: by generator, by name, by shape. */
class PuzzleKindTest {

    @Test
    void everyCatalogueTaskHasItsGeneratorsKind() {
        for (PuzzleTask t : PuzzleTask.values()) {
            PuzzleKind expected = t.id().startsWith("sudoku")
                    ? PuzzleKind.SUDOKU
                    : t.id().startsWith("arc") ? PuzzleKind.ARC : PuzzleKind.MAZE;
            assertEquals(expected, t.kind(), t.id());
            assertEquals(expected, PuzzleKind.ofName(t.id()), t.id());
            assertEquals(expected, t.spec(org.looplab.Profile.SMOKE).kind(), t.id());
        }
    }

    @Test
    void namesOutsideTheCatalogueReadByFamily() {
        assertEquals(PuzzleKind.SUDOKU, PuzzleKind.ofName("sudoku-extreme-1k"));
        assertEquals(PuzzleKind.MAZE, PuzzleKind.ofName("Maze30"));
        assertEquals(PuzzleKind.ARC, PuzzleKind.ofName("arc-agi-1"));
        assertEquals(PuzzleKind.OTHER, PuzzleKind.ofName("chess"));
        assertEquals(PuzzleKind.OTHER, PuzzleKind.ofName(null));
    }

    @Test
    void shapesAndTheirOneAmbiguity() {
        assertEquals(PuzzleKind.SUDOKU, PuzzleKind.ofShape(11, 81, PuzzleKind.MAZE));
        assertEquals(PuzzleKind.MAZE, PuzzleKind.ofShape(6, 121, PuzzleKind.SUDOKU));
        assertEquals(PuzzleKind.ARC, PuzzleKind.ofShape(12, 900, PuzzleKind.SUDOKU));
        assertEquals(PuzzleKind.OTHER, PuzzleKind.ofShape(7, 20, PuzzleKind.SUDOKU));
        // 16 cells, 6 tokens: a 4×4 Sudoku and a 4×4 maze alike
        assertEquals(PuzzleKind.MAZE, PuzzleKind.ofShape(6, 16, PuzzleKind.MAZE));
        assertEquals(PuzzleKind.SUDOKU, PuzzleKind.ofShape(6, 16, "run-a"));
        assertEquals(PuzzleKind.MAZE, PuzzleKind.ofShape(6, 16, "trm-maze4"));
    }

    @Test
    void shortNamesParseToKindAndSide() {
        assertEquals(new PuzzleSize(PuzzleKind.SUDOKU, 9), PuzzleSize.parse("sudoku9"));
        assertEquals(new PuzzleSize(PuzzleKind.MAZE, 30), PuzzleSize.parse(" MAZE30 "));
        assertEquals(new PuzzleSize(PuzzleKind.ARC, 30), PuzzleSize.parse("arc"));
        assertNull(PuzzleSize.parseOrNull("unique"));
        assertNull(PuzzleSize.parseOrNull("sudoku"));
        var e = assertThrows(IllegalArgumentException.class, () -> PuzzleSize.parse("chess"));
        assertEquals("task must be sudokuN, mazeN or arc (e.g. sudoku9, maze30); was 'chess'", e.getMessage());
    }
}
