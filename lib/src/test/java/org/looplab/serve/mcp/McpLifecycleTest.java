package org.looplab.serve.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.provenance.Json;
import org.looplab.serve.SolverCheckpoints;
import org.looplab.serve.SolverService;
import org.looplab.serve.SolverServiceTest;

/** Every request gets exactly one reply, whatever the client does: the raw wire, in process. */
class McpLifecycleTest {
    @TempDir
    static Path dir;

    static SolverService service;

    static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"0\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @BeforeAll
    static void load() {
        service = SolverService.load(List.of(SolverCheckpoints.untrained("t-sudoku4", dir)));
    }

    @AfterAll
    static void close() {
        if (service != null) service.close();
    }

    static String call(Object id, String tool, String argumentsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + Json.write(id).strip()
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\""
                + (argumentsJson == null ? "" : ",\"arguments\":" + argumentsJson) + "}}";
    }

    static String solve(int id) {
        return call(id, "solve_sudoku", "{\"puzzle\":\"" + SolverServiceTest.PUZZLE4 + "\"}");
    }

    /** Serves the given input to its end; returns the replies by id (a repeated id fails the test). */
    @SuppressWarnings("unchecked")
    static Map<Object, Map<String, Object>> serve(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        McpSolverServer.serve(service, in, out);
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            Map<String, Object> reply = Json.read(line, Map.class, "reply");
            Object id = reply.get("id") == null ? "null#" + byId.size() : String.valueOf(reply.get("id"));
            assertNull(byId.put(id, reply), "one reply per request: " + id);
        }
        return byId;
    }

    static InputStream lines(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static int errorCode(Map<String, Object> reply) {
        return ((Number) ((Map<String, Object>) reply.get("error")).get("code")).intValue();
    }

    @Test
    void aCallBeforeInitializeGetsAnErrorAndPingIsServed() {
        var replies = serve(lines(
                solve(1),
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
                INITIALIZE,
                solve(4),
                INITIALIZED,
                solve(5)));
        assertEquals(RequestCheck.NOT_INITIALIZED, errorCode(replies.get("1")));
        assertTrue(
                replies.get("1").toString().contains("send initialize"),
                replies.get("1").toString());
        assertEquals(RequestCheck.NOT_INITIALIZED, errorCode(replies.get("2")));
        assertTrue(replies.get("3").containsKey("result"), "ping is allowed before initialize");
        assertTrue(replies.get("init").containsKey("result"));
        assertEquals(
                RequestCheck.NOT_INITIALIZED, errorCode(replies.get("4")), "initialized notification not yet sent");
        assertTrue(replies.get("5").containsKey("result"), replies.get("5").toString());
    }

    @Test
    void callsInFlightWhenStdinClosesAreAllAnswered() {
        // The client sends its calls and closes stdin at once (as `printf ... | looplab serve` does).
        for (int trial = 0; trial < 2; trial++) {
            String[] calls = new String[6];
            for (int i = 0; i < calls.length; i++) calls[i] = solve(100 + i);
            String[] all = new String[calls.length + 2];
            all[0] = INITIALIZE;
            all[1] = INITIALIZED;
            System.arraycopy(calls, 0, all, 2, calls.length);
            var replies = serve(lines(all));
            assertEquals(calls.length + 1, replies.size(), replies.keySet().toString());
            for (int i = 0; i < calls.length; i++) {
                assertTrue(replies.get(String.valueOf(100 + i)).containsKey("result"), "call " + i);
            }
        }
    }

    @Test
    void missingParamsOrArgumentsAreInvalidParams() {
        var replies = serve(lines(
                INITIALIZE,
                INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}",
                call(2, "solve_sudoku", null),
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}",
                call(4, "solve_sudoku", "[1,2]"),
                call(5, "describe_solver", null),
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"initialize\"}"));
        for (String id : List.of("1", "2", "3", "4", "6")) assertEquals(-32602, errorCode(replies.get(id)), id);
        assertTrue(
                replies.get("2").toString().contains("needs puzzle"),
                replies.get("2").toString());
        assertTrue(
                replies.get("5").containsKey("result"), "arguments are optional for a tool that needs none (MCP spec)");
    }

    @Test
    void aTwoGigabyteLineIsSkippedInBoundedMemoryAndTheNextRequestServed() throws IOException {
        long size = (1L << 31) + 7; // past Integer.MAX_VALUE: no Java array or String holds it
        InputStream huge = new SequenceInputStream(Collections.enumeration(List.of(
                lines(INITIALIZE, INITIALIZED),
                new Repeated((byte) 'x', size),
                lines("", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}"))));
        var replies = serve(huge);
        Map<String, Object> refused = replies.get("null#1");
        assertEquals(-32600, errorCode(refused));
        assertTrue(refused.toString().contains("request of " + size + " bytes"), refused.toString());
        assertTrue(replies.get("7").containsKey("result"));

        BoundedLineReader reader = new BoundedLineReader(
                new SequenceInputStream(new Repeated((byte) 'y', size), lines("", "ok")), 1 << 20);
        BoundedLineReader.Line line = reader.next();
        assertTrue(line.oversized());
        assertEquals(size, line.bytes());
        assertTrue(reader.bufferedCapacity() <= 1 << 20, "held at most the limit: " + reader.bufferedCapacity());
        assertEquals("ok", reader.next().text());
        assertNull(reader.next());
    }

    @Test
    void aBrokenStdoutEndsTheServerWithOneLine() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        var e = assertThrows(
                IllegalStateException.class, () -> McpSolverServer.serve(service, lines(INITIALIZE), broken));
        assertEquals("stdout: Broken pipe", e.getMessage());
    }

    /** {@code count} copies of one byte, made as they are read. */
    static final class Repeated extends InputStream {
        private final byte value;
        private long left;

        Repeated(byte value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left == 0) return -1;
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) return -1;
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
