package org.looplab.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.looplab.data.Maze;
import org.looplab.data.MazeRules;
import org.looplab.data.MazeSolver;
import org.looplab.data.MazeText;
import org.looplab.data.PuzzleKind;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuRules;
import org.looplab.data.SudokuShape;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;
import org.looplab.serve.SolverException.Code;

/**
 * The tiny solver behind the MCP tools and {@code looplab solve}: checks a request, asks the model (through the one
 * {@link InferenceQueue} thread), and has the classical checker judge the answer. Thread-safe: any number of callers
 * may wait on it at once, and their puzzles share batches.
 */
public final class SolverService implements AutoCloseable {

    /** Longer than any puzzle the lab knows (9×9 Sudoku: 81; a 30×30 maze with newlines: 929). */
    public static final int MAX_INPUT_CHARS = 1000;

    private final List<LoadedSolver> solvers;
    private final InferenceQueue queue;

    private SolverService(List<LoadedSolver> solvers, InferenceQueue queue) {
        this.solvers = List.copyOf(solvers);
        this.queue = queue;
    }

    /** Loads every checkpoint; two for the same puzzle kind and size are an error naming both. */
    public static SolverService load(List<Path> checkpoints, InferenceQueue queue) {
        if (checkpoints.isEmpty()) throw new IllegalArgumentException("no checkpoint given");
        List<LoadedSolver> loaded = new ArrayList<>();
        try {
            for (Path p : checkpoints) {
                LoadedSolver s = LoadedSolver.load(p);
                loaded.add(s);
                for (LoadedSolver other : loaded) {
                    if (other != s && other.kind() == s.kind() && other.side() == s.side())
                        throw new IllegalArgumentException(
                                "two checkpoints answer " + s.label() + ": " + other.folder() + " and " + s.folder());
                }
            }
        } catch (RuntimeException e) {
            loaded.forEach(LoadedSolver::close);
            queue.close();
            throw e;
        }
        return new SolverService(loaded, queue);
    }

    public static SolverService load(List<Path> checkpoints) {
        return load(checkpoints, InferenceQueue.standard());
    }

    public List<LoadedSolver> solvers() {
        return solvers;
    }

    public boolean solvesMazes() {
        return solvers.stream().anyMatch(s -> s.kind() == PuzzleKind.MAZE);
    }

    private Optional<LoadedSolver> solverFor(PuzzleKind kind, int side) {
        return solvers.stream()
                .filter(s -> s.kind() == kind && s.side() == side)
                .findFirst();
    }

    private String loadedList() {
        return String.join(
                ", ",
                solvers.stream().map(s -> s.label() + " (" + s.name() + ")").toList());
    }

    // ---- Sudoku -------------------------------------------------------------------------------------------------

    /** Reads the {@code puzzle} argument: a refused one throws {@link SolverException} naming what is wrong. */
    public static Sudoku parseSudoku(Object value) {
        if (value == null) throw new SolverException(Code.BAD_ARGUMENT, "puzzle is required");
        if (!(value instanceof String text)) throw new SolverException(Code.BAD_ARGUMENT, "puzzle must be a string");
        String line = text.strip();
        if (line.length() > MAX_INPUT_CHARS)
            throw new SolverException(
                    Code.OVERSIZED, "puzzle is " + line.length() + " characters; the largest puzzle is 81 (9x9)");
        if (line.length() != 16 && line.length() != 36 && line.length() != 81)
            throw new SolverException(
                    Code.WRONG_LENGTH,
                    "puzzle has " + line.length() + " characters; a puzzle has 16 (4x4), 36 (6x6) or 81 (9x9)");
        Sudoku puzzle;
        try {
            puzzle = SudokuText.parse(line, "puzzle", 1);
        } catch (IllegalArgumentException e) {
            throw new SolverException(Code.ILLEGAL_CHARACTER, e.getMessage().replace("puzzle line 1: ", ""));
        }
        Optional<String> broken = SudokuRules.firstViolation(puzzle);
        if (broken.isPresent())
            throw new SolverException(Code.CONTRADICTORY_GIVENS, "the givens contradict each other: " + broken.get());
        return puzzle;
    }

    /** Solves with the tool's arguments ({@code puzzle}, {@code max_steps}, {@code halt_threshold}, {@code fallback}). */
    public CompletableFuture<SudokuAnswer> solveSudoku(Map<String, Object> args) {
        return solveSudoku(parseSudoku(args.get("puzzle")), SolveOptions.from(args));
    }

    public CompletableFuture<SudokuAnswer> solveSudoku(Sudoku puzzle, SolveOptions options) {
        long start = System.nanoTime();
        // The classical solver runs first: a puzzle without a solution can never be verified, so it is refused
        // before it costs model time, and the fallback needs the solution anyway. 9×9 takes well under a millisecond.
        SudokuSolver.Result classical = SudokuSolver.of(puzzle.shape()).solve(puzzle);
        if (classical.solutions() == 0)
            throw new SolverException(
                    Code.NO_SOLUTION, "the givens admit no solution (a contradiction " + "that only search finds)");
        int side = puzzle.side();
        String size = side + "x" + side;
        Optional<LoadedSolver> solver = solverFor(PuzzleKind.SUDOKU, side);
        if (solver.isEmpty()) {
            if (!options.classicalFallback())
                throw new SolverException(
                        Code.NO_MODEL,
                        "no " + size + " Sudoku model is loaded; loaded: " + loadedList()
                                + " (ask with fallback \"classical\" for the classical solver's answer)");
            return CompletableFuture.completedFuture(SudokuAnswer.builder()
                    .puzzle(puzzle.text(), size)
                    .solution(
                            classical.solution().text(),
                            SudokuRules.solves(classical.solution(), puzzle),
                            SudokuAnswer.BY_CLASSICAL)
                    .problem("no " + size + " Sudoku model is loaded")
                    .request(options.haltThreshold(), millisSince(start))
                    .build());
        }
        LoadedSolver s = solver.get();
        int steps = options.stepsOn(s);
        long[] tokens = toLongs(SudokuEncoding.encode(puzzle));
        return queue.submit(s, tokens, steps, (float) options.haltThreshold()).thenApply(inf -> {
            Sudoku said = decodeSudoku(inf.answer(), puzzle.shape());
            String problem = sudokuProblem(said, puzzle);
            boolean right = problem == null;
            boolean replace = !right && options.classicalFallback();
            Sudoku answer = replace ? classical.solution() : said;
            return SudokuAnswer.builder()
                    .puzzle(puzzle.text(), size)
                    .solution(
                            answer.text(),
                            replace ? SudokuRules.solves(answer, puzzle) : right,
                            replace ? SudokuAnswer.BY_CLASSICAL : SudokuAnswer.BY_MODEL)
                    .modelSaid(said.text(), right, problem)
                    .run(inf.exitStep(), steps, inf.haltProbability(), inf.halted(), s.ref())
                    .request(options.haltThreshold(), millisSince(start))
                    .build();
        });
    }

    /** Tokens to digits; a pad or blank token (the model declined the cell) stays blank, so the grid is incomplete. */
    public static Sudoku decodeSudoku(long[] tokens, SudokuShape shape) {
        byte[] cells = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            long t = tokens[i];
            cells[i] = t >= 2 && t <= shape.side() + 1 ? (byte) (t - 1) : 0;
        }
        return new Sudoku(shape, cells);
    }

    /** The first reason {@code answer} does not solve {@code puzzle}, or null when it does. */
    static String sudokuProblem(Sudoku answer, Sudoku puzzle) {
        for (int i = 0; i < puzzle.shape().cells(); i++) {
            int side = puzzle.side();
            if (puzzle.get(i) != 0 && answer.get(i) != puzzle.get(i))
                return "changes the given " + puzzle.get(i) + " at row " + (i / side + 1) + ", column " + (i % side + 1)
                        + " to " + (answer.get(i) == 0 ? "blank" : answer.get(i));
        }
        for (int i = 0; i < puzzle.shape().cells(); i++) {
            if (answer.get(i) == 0)
                return "leaves row " + (i / puzzle.side() + 1) + ", column " + (i % puzzle.side() + 1) + " blank";
        }
        Optional<String> broken = SudokuRules.firstViolation(answer);
        if (broken.isPresent()) return broken.get();
        if (!SudokuRules.solves(answer, puzzle)) throw new IllegalStateException("checker disagrees with itself");
        return null;
    }

    // ---- Maze ---------------------------------------------------------------------------------------------------

    /** Reads a maze in the Maze-Hard characters: rows joined by newlines, {@code #} wall, space or {@code .} open,
     *  {@code S} start, {@code G} goal. */
    public static Maze parseMaze(Object value) {
        if (value == null) throw new SolverException(Code.BAD_ARGUMENT, "maze is required");
        if (!(value instanceof String text)) throw new SolverException(Code.BAD_ARGUMENT, "maze must be a string");
        if (text.length() > MAX_INPUT_CHARS)
            throw new SolverException(
                    Code.OVERSIZED, "maze is " + text.length() + " characters; at most " + MAX_INPUT_CHARS);
        try {
            return MazeText.parse(text);
        } catch (MazeText.ParseException e) {
            throw new SolverException(
                    switch (e.problem()) {
                        case NOT_SQUARE -> Code.WRONG_LENGTH;
                        case ILLEGAL_CHARACTER -> Code.ILLEGAL_CHARACTER;
                        case NOT_A_MAZE -> Code.CONTRADICTORY_GIVENS;
                    },
                    e.getMessage());
        }
    }

    public CompletableFuture<MazeAnswer> solveMaze(Map<String, Object> args) {
        return solveMaze(parseMaze(args.get("maze")), SolveOptions.from(args));
    }

    public CompletableFuture<MazeAnswer> solveMaze(Maze maze, SolveOptions options) {
        long start = System.nanoTime();
        if (MazeSolver.shortestLength(maze).isEmpty())
            throw new SolverException(Code.NO_SOLUTION, "no path leads from S to G");
        int n = maze.size();
        String size = n + "x" + n;
        LoadedSolver s = solverFor(PuzzleKind.MAZE, n)
                .orElseThrow(() -> new SolverException(
                        Code.NO_MODEL, "no " + size + " maze model is loaded; loaded: " + loadedList()));
        int steps = options.stepsOn(s);
        return queue.submit(s, toLongs(maze.cells()), steps, (float) options.haltThreshold())
                .thenApply(inf -> {
                    byte[] said = new byte[inf.answer().length];
                    for (int i = 0; i < said.length; i++) said[i] = (byte) inf.answer()[i];
                    MazeRules.Verdict v = MazeRules.check(maze, said);
                    boolean right = v.valid() && v.optimal();
                    boolean replace = !right && options.classicalFallback();
                    byte[] answer = replace ? MazeSolver.solve(maze).cells() : said;
                    MazeRules.Verdict av = replace ? MazeRules.check(maze, answer) : v;
                    return MazeAnswer.builder()
                            .maze(MazeText.format(maze.cells(), n), size)
                            .path(
                                    MazeText.format(answer, n),
                                    av.valid(),
                                    av.optimal(),
                                    replace ? SudokuAnswer.BY_CLASSICAL : SudokuAnswer.BY_MODEL)
                            .modelSaid(MazeText.format(said, n), right, right ? null : v.problem())
                            .run(inf.exitStep(), steps, inf.haltProbability(), inf.halted(), s.ref())
                            .request(options.haltThreshold(), millisSince(start))
                            .build();
                });
    }

    // ---- describe -----------------------------------------------------------------------------------------------

    public SolverDescription describe() {
        return SolverDescription.of(solvers);
    }

    /** Waits for a future and unwraps the cause, so a caller sees the {@link SolverException} itself. */
    public static <T> T await(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** A data set's byte tokens as the long tokens the models take. */
    public static long[] toLongs(byte[] b) {
        long[] out = new long[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i];
        return out;
    }

    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 1e4) / 100.0;
    }

    /** Stops the inference thread, then frees the models. */
    @Override
    public void close() {
        queue.close();
        solvers.forEach(LoadedSolver::close);
    }
}
