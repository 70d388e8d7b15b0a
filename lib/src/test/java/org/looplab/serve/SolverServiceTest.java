package org.looplab.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.data.Maze;
import org.looplab.data.MazeRules;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuRules;
import org.looplab.data.SudokuShape;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;
import org.looplab.model.PuzzleRun;
import org.looplab.model.ReasoningModel;
import org.looplab.serve.SolverException.Code;

/** The service on untrained tiny checkpoints: answers are mostly wrong, so these tests pin the checking, not skill. */
public class SolverServiceTest {
    // A 4×4 with a unique solution (12 givens short of full): 1234/3412/2143/4321.
    public static final String PUZZLE4 = "1.3..4.2.1.34..1";
    public static final String SOLUTION4 = "1234341221434321";
    static final String MAZE5 = String.join("\n", "S   #", "### #", "#   #", "# ###", "#   G");

    @TempDir
    static Path scratch;

    static SolverService service;

    @BeforeAll
    static void load() {
        Path s4 = SolverCheckpoints.untrained("trm-mlp-sudoku4", scratch);
        Path s6 = SolverCheckpoints.untrained("trm-mlp-sudoku6", scratch);
        Path m5 = SolverCheckpoints.untrained("trm-mlp-maze5", scratch);
        service = SolverService.load(List.of(s4, s6, m5));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void theFixturePuzzleHasTheStatedUniqueSolution() {
        SudokuSolver.Result r = SudokuSolver.of(SudokuShape.FOUR).solve(SudokuText.parse(PUZZLE4));
        assertTrue(r.unique());
        assertEquals(SOLUTION4, r.solution().text());
    }

    @Test
    void verifiedIsTheClassicalCheckersVerdictOnTheAnswer() {
        SudokuAnswer a = SolverService.await(service.solveSudoku(args("puzzle", PUZZLE4)));
        Sudoku said = SudokuText.parse(a.solution().replace('.', '0'));
        assertEquals(SudokuRules.solves(said, SudokuText.parse(PUZZLE4)), a.verified(), a.toString());
        assertEquals(a.verified(), a.problem() == null, a.toString());
        assertEquals("model", a.answeredBy());
        assertEquals("4x4", a.size());
        assertEquals("untrained-trm-mlp-sudoku4", a.model().checkpoint());
        assertNull(a.model().manifestId(), "an untrained stand-in has no manifest");
        assertTrue(a.stepsUsed() >= 1 && a.stepsUsed() <= 4, "tiny preset N_sup = 4: " + a);
        assertTrue(a.haltProbability() >= 0 && a.haltProbability() <= 1);
    }

    @Test
    void theModelIsChosenBySize() {
        String six = "123456456123214365365214531642642531"; // full and valid: 2×3 boxes
        assertTrue(SudokuRules.isSolved(SudokuText.parse(six)), "fixture");
        String puzzle = "." + six.substring(1);
        SudokuAnswer a = SolverService.await(service.solveSudoku(args("puzzle", puzzle)));
        assertEquals("6x6", a.size());
        assertEquals("untrained-trm-mlp-sudoku6", a.model().checkpoint());
    }

    @Test
    void theCheckerNamesWhatIsWrong() {
        Sudoku puzzle = SudokuText.parse(PUZZLE4);
        assertNull(SolverService.sudokuProblem(SudokuText.parse(SOLUTION4), puzzle));
        // Swap two digits of row 0: rows still hold 1-4, but column 0 repeats.
        assertEquals(
                "changes the given 1 at row 1, column 1 to 2",
                SolverService.sudokuProblem(SudokuText.parse("2134341221434321"), puzzle));
        assertEquals(
                "leaves row 1, column 2 blank",
                SolverService.sudokuProblem(SudokuText.parse("1.34341221434321"), puzzle));
        assertEquals(
                "row 1 repeats 4 at columns 2 and 4",
                SolverService.sudokuProblem(SudokuText.parse("1434341221434321"), puzzle));
        // pad (0) and blank (1) tokens decode to blanks, digit d's token d+1 to d, anything else to a blank
        long[] tokens = new long[16];
        java.util.Arrays.fill(tokens, 5);
        tokens[1] = 0;
        tokens[2] = 1;
        tokens[3] = 9;
        assertEquals(
                "4..." + "4".repeat(12),
                SolverService.decodeSudoku(tokens, SudokuShape.FOUR).text());
    }

    @Test
    void haltThresholdAndStepBudgetDecideWhenItStops() {
        SudokuAnswer now = SolverService.await(service.solveSudoku(args("puzzle", PUZZLE4, "halt_threshold", 0)));
        assertEquals(1, now.stepsUsed(), "threshold 0: any halt probability stops at step 1");
        assertTrue(now.halted());
        SudokuAnswer budget =
                SolverService.await(service.solveSudoku(args("puzzle", PUZZLE4, "halt_threshold", 1, "max_steps", 3)));
        if (budget.haltProbability() < 1f) {
            assertEquals(3, budget.stepsUsed());
            assertFalse(budget.halted());
        }
        SolverException tooMany =
                assertThrows(SolverException.class, () -> service.solveSudoku(args("puzzle", PUZZLE4, "max_steps", 5)));
        assertEquals(Code.BAD_ARGUMENT, tooMany.code());
        assertTrue(tooMany.getMessage().contains("N_sup = 4"), tooMany.getMessage());
    }

    @Test
    void theFallbackIsMarkedAndTheModelsAnswerKept() {
        SudokuAnswer a = SolverService.await(service.solveSudoku(args("puzzle", PUZZLE4, "fallback", "classical")));
        assertTrue(a.verified());
        if (a.modelVerified()) {
            assertEquals("model", a.answeredBy());
        } else {
            assertEquals("classical", a.answeredBy());
            assertEquals(SOLUTION4, a.solution());
            assertNotNull(a.problem());
            assertNotNull(a.modelSolution());
        }
        SudokuAnswer nine =
                SolverService.await(service.solveSudoku(args("puzzle", ".".repeat(80) + "1", "fallback", "classical")));
        assertEquals("classical", nine.answeredBy(), "no 9x9 model loaded");
        assertTrue(nine.verified());
        assertNull(nine.model());
    }

    @Test
    void badPuzzlesAreRefusedWithTheirCode() {
        assertEquals(Code.WRONG_LENGTH, refused(args("puzzle", "123")));
        assertEquals(Code.ILLEGAL_CHARACTER, refused(args("puzzle", "1.3..4.2.1.34..x")));
        assertEquals(Code.ILLEGAL_CHARACTER, refused(args("puzzle", "1.3..4.2.1.34..5")), "5 in a 4x4");
        assertEquals(Code.CONTRADICTORY_GIVENS, refused(args("puzzle", "11..............")));
        // No two givens clash, yet no solution: row 0 needs a 4 in column 3, where column 3 already has one.
        assertEquals(
                Code.NO_SOLUTION,
                refused(args(
                        "puzzle",
                        "123.............4...".substring(0, 16).replace("123.............", "123............4"))));
        assertEquals(Code.OVERSIZED, refused(args("puzzle", "1".repeat(5000))));
        assertEquals(Code.BAD_ARGUMENT, refused(args()));
        assertEquals(Code.BAD_ARGUMENT, refused(args("puzzle", 42)));
        assertEquals(Code.BAD_ARGUMENT, refused(args("puzzle", PUZZLE4, "halt_threshold", 2)));
        assertEquals(Code.BAD_ARGUMENT, refused(args("puzzle", PUZZLE4, "max_steps", 1.5)));
        assertEquals(Code.BAD_ARGUMENT, refused(args("puzzle", PUZZLE4, "fallback", "guess")));
        assertEquals(Code.NO_MODEL, refused(args("puzzle", ".".repeat(81))));
    }

    private static Code refused(Map<String, Object> a) {
        try {
            SolverService.await(service.solveSudoku(a));
        } catch (SolverException e) {
            return e.code();
        }
        throw new AssertionError("accepted " + a);
    }

    @Test
    void concurrentRequestsGetTheirOwnAnswers() {
        SudokuSolver solver = SudokuSolver.of(SudokuShape.FOUR);
        Sudoku full = SudokuText.parse(SOLUTION4);
        List<String> puzzles = new ArrayList<>();
        for (int blank = 0; blank < 16; blank++) { // 16 different one-blank puzzles: each has one solution
            byte[] c = full.cells();
            c[blank] = 0;
            puzzles.add(new Sudoku(SudokuShape.FOUR, c).text());
        }
        List<CompletableFuture<SudokuAnswer>> futures = new ArrayList<>();
        for (String p : puzzles)
            futures.add(
                    CompletableFuture.supplyAsync(() -> SolverService.await(service.solveSudoku(args("puzzle", p)))));
        for (int i = 0; i < puzzles.size(); i++) {
            SudokuAnswer a = futures.get(i).join();
            assertEquals(puzzles.get(i), a.puzzle());
            Sudoku p = SudokuText.parse(puzzles.get(i));
            assertEquals(solver.solve(p).unique(), true);
            assertEquals(SudokuRules.solves(SudokuText.parse(a.solution().replace('.', '0')), p), a.verified());
        }
    }

    @Test
    void aBatchAnswersAsEachPuzzleAlone() {
        ReasoningModel m = service.solvers().get(0).model();
        long[][] tokens = {
            {1, 2, 3, 4, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
            {2, 1, 1, 1, 1, 3, 1, 1, 1, 1, 4, 1, 1, 1, 1, 5},
            {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}
        };
        PuzzleRun[] batch = AdaptiveHalting.run(m, tokens, new int[] {4, 2, 3}, new float[] {1, 1, 1});
        for (int i = 0; i < tokens.length; i++) {
            PuzzleRun alone = AdaptiveHalting.run(
                    m, new long[][] {tokens[i]}, new int[] {batch[i].exitStep()}, new float[] {1})[0];
            assertArrayEquals(alone.answer(), batch[i].answer(), "puzzle " + i);
            assertEquals(alone.haltProbability(), batch[i].haltProbability(), 1e-4);
        }
    }

    @Test
    void mazesAreCheckedForValidityAndOptimality() {
        MazeAnswer a = SolverService.await(service.solveMaze(args("maze", MAZE5)));
        Maze maze = SolverService.parseMaze(MAZE5);
        byte[] said = new byte[25];
        String flat = a.path().replace("\n", "");
        for (int i = 0; i < 25; i++) said[i] = (byte) "?# SGo".indexOf(flat.charAt(i));
        MazeRules.Verdict v = MazeRules.check(maze, said);
        assertEquals(v.valid(), a.valid());
        assertEquals(v.optimal(), a.optimal());
        assertEquals("5x5", a.size());
        MazeAnswer fb = SolverService.await(service.solveMaze(args("maze", MAZE5, "fallback", "classical")));
        assertTrue(fb.verified());
        assertEquals(String.join("\n", "Sooo#", "###o#", "#ooo#", "#o###", "#oooG"), fb.path());
        assertThrows(SolverException.class, () -> service.solveMaze(args("maze", "S#\n#G")), "no path");
        assertThrows(SolverException.class, () -> service.solveMaze(args("maze", "S  \n   \n  X")));
    }

    @Test
    void describeSaysWhatIsLoadedAndThatNothingWasMeasured() {
        SolverDescription d = service.describe();
        assertEquals(3, d.models().size());
        SolverDescription.Model m = d.models().get(0);
        assertEquals("sudoku", m.puzzle());
        assertEquals("4x4", m.size());
        assertEquals(4, m.supervisionSteps());
        assertNull(m.metrics());
        assertTrue(m.accuracy().startsWith("not measured"), m.accuracy());
        assertEquals("maze", d.models().get(2).puzzle());
        // The checkpoints lie in a temporary folder, outside the working directory: only their names are shown.
        for (SolverDescription.Model each : d.models())
            assertEquals(each.checkpoint(), each.path(), "no absolute path of the server's machine");
        assertEquals(
                "runs/a", SolverDescription.shown(Path.of("").toAbsolutePath().resolve("runs/a")), "relative inside");
    }
}
