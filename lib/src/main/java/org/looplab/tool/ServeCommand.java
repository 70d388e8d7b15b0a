package org.looplab.tool;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.looplab.serve.SolverService;
import org.looplab.serve.mcp.McpSolverServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code looplab serve --checkpoint DIR ...}: the solver as an MCP server on stdin/stdout. */
@Command(
        name = "serve",
        description = "Serve the tiny solver to an MCP client (an agent) over stdio: tools solve_sudoku, "
                + "solve_maze (with a maze checkpoint) and describe_solver. Runs until the client closes stdin, then answers "
                + "the calls still running and exits 0; exits 2 with one line on stderr when stdin or stdout breaks.")
final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            required = true,
            paramLabel = "DIR",
            description =
                    "a checkpoint folder (repeat for several sizes); the model for a puzzle is chosen by its size")
    List<Path> checkpoints;

    @Override
    public Integer call() {
        // stdout carries the protocol and nothing else: anything printed by a library would corrupt a message,
        // so System.out goes to stderr and the server writes to the real stdout.
        // Not a PrintStream: that one swallows write errors, and a client gone away must end the server.
        OutputStream wire = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.setOut(System.err);
        try (SolverService service = SolverService.load(checkpoints)) {
            service.solvers().forEach(s -> System.err.println("looplab serve: " + s.label() + " from " + s.folder()));
            McpSolverServer.serve(service, System.in, wire);
        }
        return 0;
    }
}
