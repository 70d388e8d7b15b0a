package org.looplab.serve.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuRules;
import org.looplab.data.SudokuShape;
import org.looplab.data.SudokuText;
import org.looplab.serve.SolverCheckpoints;
import org.looplab.serve.SolverServiceTest;

/**
 * {@code looplab serve} as a separate process, driven by the SDK's MCP client over stdio as an agent would. Runs on the
 * test class path (surefire runs before the jar is packaged), with untrained stand-in checkpoints.
 */
class McpServerProcessTest {
    @TempDir
    static Path scratch;

    static SolverClient client;

    @BeforeAll
    static void start() {
        Path s4 = SolverCheckpoints.untrained("trm-mlp-sudoku4", scratch);
        Path s6 = SolverCheckpoints.untrained("trm-mlp-sudoku6", scratch);
        client = SolverClient.launchClasspath(
                System.getProperty("java.class.path"), List.of(s4, s6), java.time.Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
    }

    @Test
    void listsTheToolsWithSchemas() {
        List<McpSchema.Tool> tools = client.tools();
        List<String> names = tools.stream().map(McpSchema.Tool::name).toList();
        assertEquals(List.of("solve_sudoku", "describe_solver"), names, "no maze checkpoint, so no solve_maze");
        McpSchema.Tool sudoku = tools.get(0);
        assertEquals(List.of("puzzle"), sudoku.inputSchema().required());
        assertTrue(sudoku.inputSchema().properties().containsKey("halt_threshold"));
        assertTrue(sudoku.outputSchema().containsKey("properties"));
    }

    @Test
    void verifiedMatchesTheClassicalChecker() {
        for (String p : List.of(SolverServiceTest.PUZZLE4, "." + "123456456123214365365214531642642531".substring(1))) {
            SolverClient.Reply r = client.solveSudoku(p);
            assertFalse(r.isError(), () -> String.valueOf(r.error()));
            Sudoku said = SudokuText.parse(((String) r.answer().get("solution")).replace('.', '0'));
            assertEquals(
                    SudokuRules.solves(said, SudokuText.parse(p)),
                    r.answer().get("verified"),
                    r.answer().toString());
            assertEquals("model", r.answer().get("answered_by"));
        }
        SolverClient.Reply fb =
                client.call("solve_sudoku", Map.of("puzzle", SolverServiceTest.PUZZLE4, "fallback", "classical"));
        assertEquals(true, fb.answer().get("verified"));
    }

    @Test
    void badRequestsGetAnErrorAndTheServerKeepsServing() {
        Map<String, Map<String, Object>> bad = Map.of(
                "wrong_length", Map.of("puzzle", "1234"),
                "illegal_character", Map.of("puzzle", "1.3..4.2.1.34..x"),
                "contradictory_givens", Map.of("puzzle", "11.............."),
                "oversized", Map.of("puzzle", "1".repeat(20_000)),
                "unknown_argument", Map.of("puzzle", SolverServiceTest.PUZZLE4, "temperature", 0.7),
                "no_model", Map.of("puzzle", ".".repeat(81)));
        for (var e : bad.entrySet()) {
            SolverClient.Reply r = client.call("solve_sudoku", e.getValue());
            assertTrue(r.isError(), e.getKey());
            assertEquals(e.getKey(), r.error().code(), r.error().message());
            assertFalse(client.solveSudoku(SolverServiceTest.PUZZLE4).isError(), "after " + e.getKey());
        }
        McpError unknown = assertThrows(McpError.class, () -> client.call("solve_chess", Map.of("board", "x")));
        assertTrue(
                unknown.getMessage().contains("solve_chess")
                        || unknown.getMessage().contains("Unknown tool"),
                unknown.getMessage());
        assertFalse(client.solveSudoku(SolverServiceTest.PUZZLE4).isError(), "after an unknown tool");
    }

    @Test
    void concurrentCallsFromOneClientAreNotMixedUp() throws Exception {
        Sudoku full = SudokuText.parse(SolverServiceTest.SOLUTION4);
        List<String> puzzles = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int blank = 0; blank < 16; blank++) {
                byte[] c = full.cells();
                c[blank] = 0;
                c[(blank + 5 + round) % 16] = 0;
                puzzles.add(new Sudoku(SudokuShape.FOUR, c).text());
            }
        }
        // Real threads (the common pool has one on two cores), so requests are on the wire at the same time.
        ExecutorService agents = Executors.newFixedThreadPool(16);
        try {
            List<Future<SolverClient.Reply>> calls = new ArrayList<>();
            for (String p : puzzles) calls.add(agents.submit(() -> client.solveSudoku(p)));
            for (int i = 0; i < puzzles.size(); i++) {
                SolverClient.Reply r = calls.get(i).get();
                assertEquals(puzzles.get(i), r.answer().get("puzzle"));
                Sudoku said = SudokuText.parse(((String) r.answer().get("solution")).replace('.', '0'));
                assertEquals(
                        SudokuRules.solves(said, SudokuText.parse(puzzles.get(i))),
                        r.answer().get("verified"));
            }
        } finally {
            agents.shutdown();
        }
    }

    @Test
    void describeNamesTheModels() {
        SolverClient.Reply d = client.call("describe_solver", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> models =
                (List<Map<String, Object>>) d.answer().get("models");
        assertEquals(
                List.of("untrained-trm-mlp-sudoku4", "untrained-trm-mlp-sudoku6"),
                models.stream().map(m -> m.get("checkpoint")).toList());
        assertTrue(((String) models.get(0).get("accuracy")).startsWith("not measured"));
    }
}
