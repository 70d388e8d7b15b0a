package org.looplab.serve.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.looplab.serve.SolverException;
import org.looplab.serve.SolverException.Code;
import reactor.core.publisher.Mono;

/**
 * A tool whose answer comes later holds no thread while it waits (so every call in flight can join the inference
 * queue's batches), and gives exactly the result the blocking form gave.
 */
class ToolResultsTest {

    private final McpJsonMapper json = McpSolverServer.wireMapper();
    private static final Set<String> KNOWN = Set.of("puzzle");

    @Test
    void theHandlerReturnsBeforeTheAnswerExists() {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        AtomicBoolean called = new AtomicBoolean();
        Mono<CallToolResult> result = ToolResults.answerLater(json, Map.of("puzzle", "x"), KNOWN, () -> {
            called.set(true);
            return answer;
        });
        assertTrue(called.get()); // the call was made, and answerLater returned without waiting for it
        assertFalse(answer.isDone());
        answer.complete(Map.of("solution", "1234"));
        assertEquals(
                ToolResults.answer(json, Map.of("puzzle", "x"), KNOWN, () -> Map.of("solution", "1234")),
                result.block(Duration.ofSeconds(10)));
    }

    @Test
    void failuresGiveTheSameErrorResultsAsTheBlockingForm() {
        SolverException refused = new SolverException(Code.NO_SOLUTION, "the givens admit no solution");
        IllegalStateException broken = new IllegalStateException("model exploded");
        for (RuntimeException e : new RuntimeException[] {refused, broken}) {
            CallToolResult blocking = ToolResults.answer(json, Map.of(), KNOWN, () -> {
                throw e;
            });
            CallToolResult thrownAtOnce = ToolResults.answerLater(json, Map.of(), KNOWN, () -> {
                        throw e;
                    })
                    .block(Duration.ofSeconds(10));
            CallToolResult failedLater = ToolResults.answerLater(
                            json, Map.of(), KNOWN, () -> CompletableFuture.failedFuture(e))
                    .block(Duration.ofSeconds(10));
            assertTrue(blocking.isError());
            assertEquals(blocking, thrownAtOnce);
            assertEquals(blocking, failedLater);
        }
    }

    @Test
    void anUnknownArgumentIsRefusedBeforeTheCall() {
        AtomicBoolean called = new AtomicBoolean();
        CallToolResult r = ToolResults.answerLater(json, Map.of("puzle", "x"), KNOWN, () -> {
                    called.set(true);
                    return CompletableFuture.completedFuture("never");
                })
                .block(Duration.ofSeconds(10));
        assertTrue(r.isError());
        assertFalse(called.get());
        assertEquals(ToolResults.answer(json, Map.of("puzle", "x"), KNOWN, () -> "never"), r);
    }
}
