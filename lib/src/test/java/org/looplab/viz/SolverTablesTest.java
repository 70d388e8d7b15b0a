package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.looplab.data.MazeGenerator;
import org.looplab.data.MazeGeneratorConfig;
import org.looplab.serve.SolverException;
import org.looplab.serve.mcp.SolverClient;

/** Notebook 07's maze table: one row per maze in order, an error as its own row, the verified count in the name. */
class SolverTablesTest {

    @Test
    void mazeAnswersKeepOrderAndCountTheVerified() {
        var gen = new MazeGenerator(MazeGeneratorConfig.hardUnique(9));
        var a = gen.generate(1, 0);
        var b = gen.generate(1, 1);
        var c = gen.generate(1, 2);
        var right = new SolverClient.Reply(
                "solve_maze",
                Map.of(
                        "answered_by",
                        "model",
                        "valid",
                        true,
                        "optimal",
                        true,
                        "verified",
                        true,
                        "steps_used",
                        3,
                        "halt_probability",
                        0.97321),
                null);
        var detour = new SolverClient.Reply(
                "solve_maze",
                Map.of(
                        "answered_by",
                        "model",
                        "valid",
                        true,
                        "optimal",
                        false,
                        "verified",
                        false,
                        "steps_used",
                        16,
                        "halt_probability",
                        0.2,
                        "problem",
                        "path of 14 cells, shortest is 12"),
                null);
        var refused =
                new SolverClient.Reply("solve_maze", null, new SolverException.SolverError("size", "no 7x7 model"));
        var t = SolverTables.mazeAnswers(List.of(a.maze(), b.maze(), c.maze()), List.of(right, detour, refused));
        assertEquals("maze answers: 1 of 3 verified", t.name());
        assertEquals(List.of(0, 1, 2), t.intColumn("maze").asList());
        assertEquals(a.pathLength(), t.intColumn("shortest path").get(0));
        assertEquals(List.of(true, false, false), t.booleanColumn("verified").asList());
        assertEquals(0.973, t.doubleColumn("halt p").get(0), 1e-12);
        assertEquals("shortest path", t.stringColumn("what the checker found").get(0));
        assertEquals(
                "path of 14 cells, shortest is 12",
                t.stringColumn("what the checker found").get(1));
        assertEquals(
                "error size: no 7x7 model",
                t.stringColumn("what the checker found").get(2));
    }

    @Test
    void aRefusedSudokuRequestIsARowNamingTheError() {
        var ladder = org.looplab.serve.PuzzleLadder.sudoku(List.of(4), 1, 7);
        var refused =
                new SolverClient.Reply("solve_sudoku", null, new SolverException.SolverError("length", "16 needed"));
        var t = SolverTables.answers(ladder, ladder.stream().map(r -> refused).toList());
        assertEquals(ladder.size(), t.rowCount());
        assertEquals(ladder.get(3).backtracks(), t.longColumn("backtracks").get(3)); // the puzzle's, even when refused
        assertEquals("", t.stringColumn("answer").get(0));
        assertEquals(false, t.booleanColumn("verified").get(0));
        assertEquals(true, t.intColumn("steps").isMissing(0));
        assertEquals(
                "error length: 16 needed",
                t.stringColumn("what the checker found").get(0));
    }
}
