package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.serve.SolverCheckpoints;

class SolveCommandTest {
    @TempDir
    Path scratch;

    @Test
    void solveReadsStdinAndExitsNonZeroWhenALineWasRefused() {
        Path ckpt = SolverCheckpoints.untrained("trm-mlp-sudoku4", scratch);
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setIn(
                    new ByteArrayInputStream("1.3..4.2.1.34..1\n11..............\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = LoopLabCli.run("solve", "--checkpoint", ckpt.toString(), "--json");
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        String[] lines = buf.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, rc);
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("{\"puzzle\":\"1.3..4.2.1.34..1\""), lines[0]);
        assertTrue(lines[1].contains("\"code\":\"contradictory_givens\""), lines[1]);
    }
}
