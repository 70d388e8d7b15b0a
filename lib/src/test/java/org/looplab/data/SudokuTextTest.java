package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SudokuTextTest {

    @Test
    void parsesDotsAndZerosAndSizesFromLength() {
        Sudoku a = SudokuText.parse("1.3." + "0000" + "...." + "...4");
        assertEquals(SudokuShape.FOUR, a.shape());
        assertEquals(3, a.givens());
        assertEquals("1.3........." + "...4", a.text());
        assertEquals(SudokuShape.SIX, SudokuText.parse(".".repeat(36)).shape());
        assertEquals(SudokuShape.NINE, SudokuText.parse(SudokuSolverTest.EASY).shape());
    }

    @Test
    void errorsNameSourceLineAndColumn() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> SudokuText.read(
                        new BufferedReader(new StringReader("# c\n" + ".".repeat(16) + "\n" + ".".repeat(80) + "\n")),
                        "p.txt"));
        assertTrue(e.getMessage().startsWith("p.txt line 3: 80 characters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SudokuText.parse("12x." + ".".repeat(12), "q.txt", 4));
        assertTrue(e.getMessage().contains("q.txt line 4: illegal character 'x' at column 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SudokuText.parse("5" + ".".repeat(15), "q.txt", 1));
        assertTrue(e.getMessage().contains("'5'"), e.getMessage());
    }

    @Test
    void readsSudokuExtremeCsv() {
        String csv = SudokuExtremeCsv.HEADER + "\n" + "forum-hard," + SudokuSolverTest.EASY + ","
                + SudokuSolverTest.EASY_SOLUTION + ",0\n";
        var rows = SudokuExtremeCsv.read(new BufferedReader(new StringReader(csv)), "train.csv");
        assertEquals(1, rows.size());
        assertEquals("forum-hard", rows.get(0).source());
        assertEquals(SudokuSolverTest.EASY_SOLUTION, rows.get(0).answer().text());
        String bad = SudokuExtremeCsv.HEADER + "\nx," + SudokuSolverTest.EASY + ","
                + SudokuSolverTest.EASY_SOLUTION.replace("534", "543") + ",3\n";
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> SudokuExtremeCsv.read(new BufferedReader(new StringReader(bad)), "test.csv"));
        assertTrue(e.getMessage().startsWith("test.csv line 2: answer does not solve"), e.getMessage());
        var h = assertThrows(
                IllegalArgumentException.class,
                () -> SudokuExtremeCsv.read(new BufferedReader(new StringReader("a,b\n")), "t.csv"));
        assertTrue(h.getMessage().contains("header"), h.getMessage());
    }
}
