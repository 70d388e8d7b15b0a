package org.looplab.tool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.looplab.serve.SolveLines;
import org.looplab.serve.SolverService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code looplab solve --checkpoint DIR [--json]}: the tiny solver for scripts, stdin to stdout. */
@Command(
        name = "solve",
        description = "Solve puzzles from stdin with a trained model and check each answer. A line is "
                + "a puzzle (16, 36 or 81 characters) or a JSON object like {\"puzzle\": \"...\", \"max_steps\": 8, "
                + "\"halt_threshold\": 0.5, \"fallback\": \"classical\"}. Exit code 1 when any line was refused; a refused line is reported on stderr (line N: code: message), or with --json as "
                + "an error object on stdout in its place.")
final class SolveCommand implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            required = true,
            paramLabel = "DIR",
            description = "a checkpoint folder (repeatable)")
    List<Path> checkpoints;

    @Option(names = "--json", description = "one JSON object per line, with the fields of the MCP tool solve_sudoku")
    boolean json;

    @Override
    public Integer call() {
        try (SolverService service = SolverService.load(checkpoints)) {
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            var out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            return SolveLines.run(service, in, out, json) == 0 ? 0 : 1;
        }
    }
}
