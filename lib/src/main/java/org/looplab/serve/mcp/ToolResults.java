package org.looplab.serve.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.looplab.serve.SolverException;
import org.looplab.serve.SolverException.Code;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How a tool call turns into an MCP result: the answer as structured content plus the same JSON as text (for clients
 * that read only text), or {@code isError} with {@code {"error": {"code", "message"}}} so the calling agent can read
 * what was wrong and try again. A failing call never takes the server down.
 */
final class ToolResults {
    private ToolResults() {}

    /** Runs {@code call} after checking the argument names; every failure becomes an error result. */
    static CallToolResult answer(
            McpJsonMapper json, Map<String, Object> args, Set<String> known, Supplier<Object> call) {
        try {
            checkArguments(args, known);
            return success(json, call.get());
        } catch (RuntimeException e) {
            return failure(json, e);
        }
    }

    /**
     * As {@link #answer}, for a call whose answer comes later (a model's batch): no thread waits for it. The SDK runs a
     * blocking tool on Reactor's bounded-elastic pool, 10 threads a core, so at most that many calls could wait in
     * the inference queue at once and its batches stayed small however many calls were in flight. The answer is
     * written on that pool too, not on the inference thread, which goes straight on to its next batch.
     */
    static Mono<CallToolResult> answerLater(
            McpJsonMapper json,
            Map<String, Object> args,
            Set<String> known,
            Supplier<? extends CompletableFuture<?>> call) {
        CompletableFuture<?> pending;
        try {
            checkArguments(args, known);
            pending = call.get(); // parsing and the classical check throw here, before any model time
        } catch (RuntimeException e) {
            return Mono.just(failure(json, e));
        }
        return Mono.fromFuture(pending, true)
                .publishOn(Schedulers.boundedElastic())
                .map(value -> success(json, value))
                .onErrorResume(ToolResults::isFailure, e -> Mono.just(failure(json, unwrap(e))));
    }

    private static void checkArguments(Map<String, Object> args, Set<String> known) {
        Map<String, Object> a = args == null ? Map.of() : args;
        for (String name : a.keySet()) {
            if (!known.contains(name))
                throw new SolverException(
                        Code.UNKNOWN_ARGUMENT,
                        "unknown argument '" + name + "'; this tool takes "
                                + String.join(", ", known.stream().sorted().toList()));
        }
    }

    private static CallToolResult success(McpJsonMapper json, Object value) {
        return CallToolResult.builder()
                .structuredContent(value)
                .addTextContent(text(json, value))
                .isError(false)
                .build();
    }

    private static CallToolResult failure(McpJsonMapper json, RuntimeException e) {
        if (e instanceof SolverException s) return error(json, s.error());
        // Not the caller's fault: say so, with the message, and keep serving.
        return error(
                json,
                new SolverException.SolverError(
                        Code.INTERNAL.id(), e.getMessage() == null ? "unexpected error" : e.getMessage()));
    }

    /** What {@link #answer} turns into an error result: a RuntimeException, as the future's cause or itself. */
    private static boolean isFailure(Throwable e) {
        return unwrapped(e) instanceof RuntimeException;
    }

    private static RuntimeException unwrap(Throwable e) {
        return (RuntimeException) unwrapped(e);
    }

    private static Throwable unwrapped(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    static CallToolResult error(McpJsonMapper json, SolverException.SolverError error) {
        return CallToolResult.builder()
                .addTextContent(text(json, Map.of("error", error)))
                .isError(true)
                .build();
    }

    private static String text(McpJsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
