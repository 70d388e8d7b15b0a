package org.looplab.serve.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.serve.SolverCheckpoints;

/**
 * {@code looplab serve} as a process with a small heap: what a client sees on stdout, stderr and in the exit code
 * when it closes stdin with calls in flight, sends a huge line, or goes away.
 */
class McpServerExitTest {
    @TempDir
    static Path scratch;

    static Path checkpoint;

    @BeforeAll
    static void checkpoint() {
        checkpoint = SolverCheckpoints.untrained("trm-mlp-sudoku4", scratch);
    }

    static Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 160 MB of heap: a 300 MB line read whole (as before) cannot fit; read bounded, it costs 1 MB.
        return new ProcessBuilder(
                        java,
                        "-Xmx160m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.looplab.tool.LoopLabCli",
                        "serve",
                        "--checkpoint",
                        checkpoint.toString())
                .start();
    }

    static byte[] line(String s) {
        return (s + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void closingStdinWithCallsInFlightAnswersThemAllAndExitsZero() throws Exception {
        Process p = start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(line(McpLifecycleTest.INITIALIZE));
            in.write(line(McpLifecycleTest.INITIALIZED));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 300; i++) in.write(chunk);
            in.write('\n');
            for (int i = 1; i <= 5; i++) in.write(line(McpLifecycleTest.solve(i)));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        List<String> replies = out.lines().toList();
        assertEquals(7, replies.size(), out.length() > 2000 ? out.substring(0, 2000) : out);
        assertTrue(
                replies.get(1).contains("\"code\":-32600") && replies.get(1).contains("314572800 bytes"),
                replies.get(1));
        List<String> answered = new ArrayList<>();
        for (String r : replies) if (r.contains("\"result\"") && r.contains("structuredContent")) answered.add(r);
        assertEquals(5, answered.size(), out);
        for (int i = 1; i <= 5; i++) {
            String id = "\"id\":" + i + ",";
            assertTrue(answered.stream().anyMatch(r -> r.contains(id)), "reply to " + i);
        }
    }

    @Test
    void aClientThatGoesAwayEndsTheServerWithOneLineAndNonZero() throws Exception {
        Process p = start();
        p.getInputStream().close(); // nobody reads the replies any more
        try (OutputStream in = p.getOutputStream()) {
            in.write(line(McpLifecycleTest.INITIALIZE));
            in.flush();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the server notices and exits");
        } catch (IOException gone) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        }
        InputStream errStream = p.getErrorStream();
        List<String> err = new String(errStream.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.startsWith("looplab serve: "))
                .toList();
        assertEquals(2, p.exitValue(), String.join("\n", err));
        assertEquals(List.of("looplab: stdout: Broken pipe"), err);
    }
}
