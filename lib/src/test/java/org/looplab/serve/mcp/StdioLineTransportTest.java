package org.looplab.serve.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.provenance.Json;
import org.looplab.serve.SolverCheckpoints;
import org.looplab.serve.SolverService;
import org.looplab.serve.SolverServiceTest;

/** The raw wire, as a hand-written client would see it: a garbage line gets a parse error and the session goes on. */
class StdioLineTransportTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    @Test
    void garbageAndOversizedLinesGetErrorsAndTheNextRequestIsServed() throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 22);
        PipedInputStream fromServer = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(fromServer);
        try (SolverService service = SolverService.load(List.of(SolverCheckpoints.untrained("t-sudoku4", dir)))) {
            Thread server = new Thread(() -> McpSolverServer.serve(service, serverIn, serverOut));
            server.start();
            PrintStream send = new PrintStream(toServer, true, StandardCharsets.UTF_8);
            BufferedReader replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
            send.println("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"0\"}}}");
            Map<String, Object> init = Json.read(replies.readLine(), Map.class, "reply");
            assertEquals(1, init.get("id"));
            send.println("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send.println("this is not json");
            Map<String, Object> parse = Json.read(replies.readLine(), Map.class, "reply");
            assertEquals(-32700, ((Map<String, Object>) parse.get("error")).get("code"));
            // JSON, but not one JSON-RPC request: JSON-RPC's invalid request (-32600), with the id when it is valid.
            for (String[] invalid : new String[][] {
                {"[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}]", null, "a batch"},
                {"{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}", null, "id must be"},
                {"{\"jsonrpc\":\"2.0\",\"id\":5}", "5", "no method"},
                {"{\"jsonrpc\":\"2.0\",\"id\":\"six\",\"method\":7}", "six", "method must be"},
                {"{\"id\":8,\"method\":\"ping\"}", "8", "jsonrpc must be"}
            }) {
                send.println(invalid[0]);
                Map<String, Object> reply = Json.read(replies.readLine(), Map.class, "reply");
                Map<String, Object> error = (Map<String, Object>) reply.get("error");
                assertEquals(-32600, error.get("code"), invalid[0]);
                assertEquals(
                        invalid[1],
                        reply.get("id") == null ? null : reply.get("id").toString(),
                        invalid[0]);
                assertTrue(((String) error.get("message")).startsWith(invalid[2]), error.toString());
            }
            send.println("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"pad\":\""
                    + "x".repeat(StdioLineTransport.MAX_LINE_BYTES) + "\"}");
            Map<String, Object> big = Json.read(replies.readLine(), Map.class, "reply");
            assertEquals(-32600, ((Map<String, Object>) big.get("error")).get("code"));
            send.println(
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"solve_sudoku\","
                            + "\"arguments\":{\"puzzle\":\"" + SolverServiceTest.PUZZLE4 + "\"}}}");
            Map<String, Object> call = Json.read(replies.readLine(), Map.class, "reply");
            assertEquals(2, call.get("id"));
            Map<String, Object> result = (Map<String, Object>) call.get("result");
            assertEquals(false, result.get("isError"));
            assertEquals(
                    SolverServiceTest.PUZZLE4, ((Map<String, Object>) result.get("structuredContent")).get("puzzle"));
            toServer.close(); // the client goes away: the server returns
            server.join(30_000);
            assertTrue(!server.isAlive(), "serve() returns when stdin closes");
        }
    }
}
