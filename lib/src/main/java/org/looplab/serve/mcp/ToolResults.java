package org.looplab.serve.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.looplab.serve.SolverException;
import org.looplab.serve.SolverException.Code;

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
            Map<String, Object> a = args == null ? Map.of() : args;
            for (String name : a.keySet()) {
                if (!known.contains(name))
                    throw new SolverException(
                            Code.UNKNOWN_ARGUMENT,
                            "unknown argument '" + name + "'; this tool takes "
                                    + String.join(", ", known.stream().sorted().toList()));
            }
            Object value = call.get();
            return CallToolResult.builder()
                    .structuredContent(value)
                    .addTextContent(text(json, value))
                    .isError(false)
                    .build();
        } catch (SolverException e) {
            return error(json, e.error());
        } catch (RuntimeException e) {
            // Not the caller's fault: say so, with the message, and keep serving.
            return error(
                    json,
                    new SolverException.SolverError(
                            Code.INTERNAL.id(), e.getMessage() == null ? "unexpected error" : e.getMessage()));
        }
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
