package org.looplab.serve.mcp;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.looplab.serve.SolverException;
import reactor.core.publisher.Mono;

/**
 * The agent's side, for notebooks and tests: starts {@code looplab serve} as a child process and talks MCP to it over
 * its stdin/stdout with the SDK's client, exactly as a desktop agent would. Thread-safe: any number of threads may
 * call at once, and their requests are in flight together.
 *
 * <p>Why the async client and a lock: the SDK's stdio client transport writes through a sink that refuses two
 * concurrent writers ("Failed to enqueue message", after which the session is dead). So sending is serialised here,
 * while waiting for the answers is not: the sync client would hold the lock for the whole round trip.
 */
public final class SolverClient implements AutoCloseable {

    /** What a tool call returned: the structured answer, or the error the server named. */
    public record Reply(String tool, Map<String, Object> answer, SolverException.SolverError error) {
        public boolean isError() {
            return error != null;
        }
    }

    private static final int STDERR_LINES = 200;

    static {
        // The SDK ends a server by closing its stdin and destroying the process, then warns "Process terminated with
        // code 143" about the SIGTERM it sent itself. That is its normal shutdown, not news; errors still show.
        String key = "org.slf4j.simpleLogger.log.io.modelcontextprotocol.client.transport.StdioClientTransport";
        if (System.getProperty(key) == null) System.setProperty(key, "error");
    }

    private final McpAsyncClient client;
    private final Object sendLock = new Object();
    private final McpJsonMapper json;
    private final Deque<String> stderr = new ArrayDeque<>();

    private SolverClient(List<String> command, Duration timeout) {
        this.json = McpSolverServer.wireMapper();
        ServerParameters params = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .addEnvVar("DJL_OFFLINE", "true")
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, json);
        transport.setStdErrorHandler(this::keep);
        this.client = McpClient.async(transport)
                .requestTimeout(timeout)
                .initializationTimeout(timeout)
                .clientInfo(new McpSchema.Implementation("looplab-notebook", "0.1.0"))
                .build();
        try {
            send(client.initialize());
        } catch (RuntimeException e) {
            client.close();
            throw new IllegalStateException(
                    "looplab serve did not start: " + e.getMessage() + "\nits stderr:\n" + stderr(), e);
        }
    }

    /** {@code java -jar <jar> serve --checkpoint ...}, with this JVM's java: the way a desktop agent starts it. */
    public static SolverClient launchJar(Path jar, List<Path> checkpoints) {
        return launchJar(jar, checkpoints, Duration.ofMinutes(2));
    }

    /** With a time limit per request (and for the start-up handshake). */
    public static SolverClient launchJar(Path jar, List<Path> checkpoints, Duration timeout) {
        List<String> cmd = new ArrayList<>(List.of(
                javaBinary(), "-Xmx1g", QUIET_CUDA, "-jar", jar.toAbsolutePath().toString(), "serve"));
        checkpoints.forEach(
                c -> cmd.addAll(List.of("--checkpoint", c.toAbsolutePath().toString())));
        return new SolverClient(cmd, timeout);
    }

    /** The same server from a class path (tests run before the jar exists). */
    public static SolverClient launchClasspath(String classpath, List<Path> checkpoints, Duration timeout) {
        List<String> cmd = new ArrayList<>(
                List.of(javaBinary(), "-Xmx1g", QUIET_CUDA, "-cp", classpath, "org.looplab.tool.LoopLabCli", "serve"));
        checkpoints.forEach(
                c -> cmd.addAll(List.of("--checkpoint", c.toAbsolutePath().toString())));
        return new SolverClient(cmd, timeout);
    }

    // DJL warns twice at start that it finds no GPU driver; on a CPU machine that is noise in the server's stderr.
    private static final String QUIET_CUDA = "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error";

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public McpSchema.Implementation serverInfo() {
        return client.getServerInfo();
    }

    public List<McpSchema.Tool> tools() {
        return send(client.listTools()).tools();
    }

    /** Calls a tool; an error result comes back as a {@link Reply} with its code, a protocol error as an exception. */
    public Reply call(String tool, Map<String, Object> arguments) {
        CallToolResult r = send(client.callTool(new CallToolRequest(tool, arguments)));
        if (Boolean.TRUE.equals(r.isError())) {
            String text =
                    r.content().isEmpty() || !(r.content().get(0) instanceof McpSchema.TextContent t) ? "{}" : t.text();
            try {
                Map<String, Map<String, String>> body = json.readValue(text, new TypeRef<>() {});
                Map<String, String> e = body.getOrDefault("error", Map.of());
                return new Reply(tool, null, new SolverException.SolverError(e.get("code"), e.get("message")));
            } catch (IOException e) {
                return new Reply(tool, null, new SolverException.SolverError("unreadable", text));
            }
        }
        Map<String, Object> answer = json.convertValue(r.structuredContent(), new TypeRef<>() {});
        return new Reply(tool, answer, null);
    }

    public Reply solveSudoku(String puzzle) {
        return call(SudokuTool.NAME, Map.of("puzzle", puzzle));
    }

    /** Subscribes (which writes the request) under the lock, then waits for the answer without it. */
    private <T> T send(Mono<T> request) {
        CompletableFuture<T> answer;
        synchronized (sendLock) {
            answer = request.toFuture();
        }
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The last lines the server wrote to stderr (its log), for when something went wrong. */
    public synchronized String stderr() {
        return String.join("\n", stderr);
    }

    private synchronized void keep(String line) {
        stderr.add(line);
        if (stderr.size() > STDERR_LINES) stderr.poll();
    }

    /** Closes stdin of the server, which then shuts down. */
    @Override
    public void close() {
        client.closeGracefully().block(Duration.ofSeconds(30));
    }
}
