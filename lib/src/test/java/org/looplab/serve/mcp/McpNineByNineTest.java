package org.looplab.serve.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.data.SudokuRules;
import org.looplab.data.SudokuText;
import org.looplab.serve.SolverCheckpoints;

/**
 * The 9×9 path of {@code solve_sudoku} end to end: a separate {@code looplab serve} process with a 9×9 checkpoint (the
 * untrained stand-in of {@code trm-mlp-sudoku9-mixed}: its answers are mostly wrong, so the test pins what the tool
 * reports about them, not their quality), called over stdio as an agent calls it.
 */
class McpNineByNineTest {
    @TempDir
    static Path scratch;

    static SolverClient client;

    @BeforeAll
    static void start() {
        Path s9 = SolverCheckpoints.untrained("trm-mlp-sudoku9-mixed", scratch);
        client = SolverClient.launchClasspath(
                System.getProperty("java.class.path"), List.of(s9), java.time.Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
    }

    @Test
    void aNineByNinePuzzleIsAnsweredByTheModelAndJudgedByTheChecker() {
        SudokuGenerator.Generated g = new SudokuGenerator(SudokuGeneratorConfig.minimal(9)).generate(3, 0);
        String puzzle = g.puzzle().text();
        SolverClient.Reply r = client.call("solve_sudoku", Map.of("puzzle", puzzle, "max_steps", 4));
        assertFalse(r.isError(), () -> String.valueOf(r.error()));
        Map<String, Object> a = r.answer();
        assertEquals("9x9", a.get("size"));
        assertEquals("model", a.get("answered_by"));
        assertEquals(4, ((Number) a.get("max_steps")).intValue());
        int used = ((Number) a.get("steps_used")).intValue();
        assertTrue(used >= 1 && used <= 4, "steps used " + used);
        Sudoku said = SudokuText.parse(((String) a.get("solution")).replace('.', '0'));
        assertEquals(SudokuRules.solves(said, g.puzzle()), a.get("verified"), a.toString());
        assertTrue(String.valueOf(a.get("model")).contains("sudoku9"), "the answering checkpoint is named: " + a);
    }

    @Test
    void theClassicalFallbackAlwaysReturnsAVerifiedNineByNineSolution() {
        SudokuGenerator.Generated g = new SudokuGenerator(SudokuGeneratorConfig.minimal(9)).generate(5, 0);
        SolverClient.Reply r =
                client.call("solve_sudoku", Map.of("puzzle", g.puzzle().text(), "fallback", "classical"));
        assertFalse(r.isError(), () -> String.valueOf(r.error()));
        assertEquals(true, r.answer().get("verified"));
        assertEquals(g.solution().text(), r.answer().get("solution"));
    }
}
