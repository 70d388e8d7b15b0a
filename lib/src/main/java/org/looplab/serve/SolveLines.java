package org.looplab.serve;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.looplab.provenance.Json;
import org.looplab.serve.SolverException.Code;

/**
 * {@code looplab solve}: puzzles in, answers out, one per line and in order. An input line is a puzzle in the text form
 * or a JSON object with the tool's arguments ({@code {"puzzle": "...", "max_steps": 8}}, or {@code {"maze": "..."}}).
 * With {@code json}, each answer is one JSON line with the fields of {@code solve_sudoku}/{@code solve_maze}, and a
 * refused line is {@code {"line": n, "error": {"code", "message"}}}; the next line is read as usual.
 *
 * <p>Up to {@link #IN_FLIGHT} lines are solved at once, so a file of puzzles fills the model's batches; whenever no
 * more input is waiting, everything in flight is written, so a script feeding one line at a time gets its answer.
 */
public final class SolveLines {
    private SolveLines() {}

    static final int IN_FLIGHT = 64;
    private static final Set<String> SUDOKU_ARGS = Set.of("puzzle", "max_steps", "halt_threshold", "fallback");
    private static final Set<String> MAZE_ARGS = Set.of("maze", "max_steps", "halt_threshold", "fallback");
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private record Pending(int line, CompletableFuture<?> answer) {}

    /** Line-level problems found, for the exit code. */
    public static int run(SolverService service, BufferedReader in, PrintWriter out, boolean json) {
        Deque<Pending> pending = new ArrayDeque<>();
        int errors = 0;
        try {
            String text;
            int number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                text = org.looplab.data.SudokuText.withoutBom(text, number);
                if (text.isBlank() || text.startsWith("#")) continue;
                pending.add(new Pending(number, submit(service, text, number)));
                if (pending.size() >= IN_FLIGHT || !in.ready()) {
                    while (!pending.isEmpty()) errors += write(pending.poll(), out, json);
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stdin: cannot read", e);
        }
        while (!pending.isEmpty()) errors += write(pending.poll(), out, json);
        out.flush();
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<?> submit(SolverService service, String text, int number) {
        try {
            if (text.length() > SolverService.MAX_INPUT_CHARS * 2)
                throw new SolverException(
                        Code.OVERSIZED,
                        "line is " + text.length() + " characters; at most " + SolverService.MAX_INPUT_CHARS * 2);
            String t = text.strip();
            if (!t.startsWith("{")) return service.solveSudoku(Map.of("puzzle", t));
            Map<String, Object> args;
            try {
                args = Json.mapper().readValue(t, Map.class);
            } catch (IOException e) {
                throw new SolverException(
                        Code.BAD_JSON,
                        "not a JSON object: "
                                + e.getMessage().lines().findFirst().orElse(""));
            }
            boolean maze = args.containsKey("maze");
            Set<String> known = maze ? MAZE_ARGS : SUDOKU_ARGS;
            for (String k : args.keySet()) {
                if (!known.contains(k))
                    throw new SolverException(
                            Code.UNKNOWN_ARGUMENT,
                            "unknown field '" + k + "'; a line takes "
                                    + String.join(", ", known.stream().sorted().toList()));
            }
            return maze ? service.solveMaze(args) : service.solveSudoku(args);
        } catch (SolverException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static int write(Pending p, PrintWriter out, boolean json) {
        Object answer;
        try {
            answer = SolverService.await(p.answer());
        } catch (SolverException e) {
            return error(p.line(), e.error(), out, json);
        } catch (RuntimeException e) {
            return error(
                    p.line(),
                    new SolverException.SolverError(
                            Code.INTERNAL.id(), e.getMessage() == null ? "unexpected error" : e.getMessage()),
                    out,
                    json);
        }
        if (json) out.println(line(answer));
        else if (answer instanceof SudokuAnswer a)
            out.println(a.solution() + "\t" + (a.verified() ? "verified" : "UNVERIFIED") + "\t" + a.answeredBy() + "\t"
                    + (a.stepsUsed() == null ? "-" : a.stepsUsed() + " steps"));
        else if (answer instanceof MazeAnswer a)
            out.println(a.path() + "\n" + (a.verified() ? "verified" : "UNVERIFIED") + "\t" + a.answeredBy());
        return 0;
    }

    private static int error(int line, SolverException.SolverError error, PrintWriter out, boolean json) {
        if (json) out.println(line(Map.of("line", line, "error", error)));
        else System.err.println("line " + line + ": " + error.code() + ": " + error.message()); // not among the answers
        return 1;
    }

    private static String line(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
