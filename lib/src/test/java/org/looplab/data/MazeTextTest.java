package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MazeTextTest {
    static final String MAZE5 = String.join("\n", "S   #", "### #", "#   #", "# ###", "#   G");

    @Test
    void readsAndWritesTheMazeHardCharacters() {
        Maze m = MazeText.parse(MAZE5);
        assertEquals(5, m.size());
        assertEquals(Maze.START, m.get(0, 0));
        assertEquals(Maze.GOAL, m.get(4, 4));
        assertEquals(MAZE5, m.text(), "Maze.text is the same codec");
        assertEquals(MAZE5, MazeText.format(m.cells(), 5));
        assertEquals(m, MazeText.parse(MAZE5.replace(' ', '.') + "\n\n"), "'.' is open; blank lines are skipped");
    }

    @Test
    void aModelsPadOrStrayTokenShowsAsAQuestionMark() {
        assertEquals("o?\n?#", MazeText.format(new byte[] {Maze.PATH, Maze.PAD, 9, Maze.WALL}, 2));
    }

    @Test
    void eachProblemNamesWhereItIs() {
        var ragged = assertThrows(MazeText.ParseException.class, () -> MazeText.parse("S#\n# G"));
        assertEquals(MazeText.Problem.NOT_SQUARE, ragged.problem());
        assertTrue(ragged.getMessage().contains("row 2 has 3 characters"), ragged.getMessage());
        var bad = assertThrows(MazeText.ParseException.class, () -> MazeText.parse("S#\n#x"));
        assertEquals(MazeText.Problem.ILLEGAL_CHARACTER, bad.problem());
        assertTrue(bad.getMessage().contains("'x' at row 2, column 2"), bad.getMessage());
        var twoStarts = assertThrows(MazeText.ParseException.class, () -> MazeText.parse("SS\n G"));
        assertEquals(MazeText.Problem.NOT_A_MAZE, twoStarts.problem());
    }
}
