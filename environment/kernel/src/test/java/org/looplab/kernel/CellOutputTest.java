package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellOutputTest {

    /** Stands in for jjava's stream: records each chunk it is handed, as one iopub message would carry it. */
    private final class Chunks extends ByteArrayOutputStream {
        final List<String> chunks = new ArrayList<>();
        final String name;

        Chunks(String name) {
            this.name = name;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            chunks.add(new String(b, off, len, StandardCharsets.UTF_8));
            order.add(name);
            super.write(b, off, len);
        }

        String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    private final List<String> order = new ArrayList<>();

    private Chunks recording(String name) {
        return new Chunks(name);
    }

    @Test
    void manyShortLinesGoOutAsFewChunks() {
        Chunks out = recording("out");
        try (CellOutput output = new CellOutput(OutputLimit.DEFAULT, new PrintStream(out), new PrintStream(out))) {
            output.startCell();
            for (int i = 0; i < 100_000; i++) output.stdout().println("line " + i);
            output.flush();
        }
        assertTrue(out.text().startsWith("line 0\nline 1\n") && out.text().endsWith("line 99999\n"));
        assertTrue(out.chunks.size() < 30, out.chunks.size() + " chunks"); // 0.9 MB in 64 KB chunks, not 100,000
    }

    @Test
    void pastTheLimitTheRestIsDroppedAndOneLineSaysSo() {
        Chunks out = recording("out");
        OutputLimit limit = new OutputLimit(1000);
        try (CellOutput output = new CellOutput(limit, new PrintStream(out), new PrintStream(out))) {
            output.startCell();
            for (int i = 0; i < 10_000; i++) output.stdout().println("0123456789");
            output.stderr().println("after the cut");
            output.flush();
            String text = out.text();
            String line = CellOutput.truncationLine(limit);
            assertTrue(text.endsWith("\n" + line), text);
            assertEquals(1000 + 1 + line.length(), text.length()); // the limit, a newline before the notice, the notice
            assertTrue(line.startsWith("[output truncated after 1000 bytes: "), line);

            output.startCell(); // the next cell has the whole limit again
            output.stdout().println("next cell");
            output.flush();
            assertTrue(out.text().endsWith(line + "next cell\n"), out.text());
        }
    }

    @Test
    void theCutNeverSplitsACharacter() {
        Chunks out = recording("out");
        try (CellOutput output = new CellOutput(new OutputLimit(10), new PrintStream(out), new PrintStream(out))) {
            output.startCell();
            output.stdout().print("ääääää"); // 12 bytes: the 6th character would end at byte 12
            output.flush();
        }
        assertTrue(out.text().startsWith("äääää\n[output truncated"), out.text());
    }

    @Test
    void aChunkBoundaryNeverSplitsACharacter() {
        Chunks out = recording("out");
        try (CellOutput output = new CellOutput(OutputLimit.DEFAULT, new PrintStream(out), new PrintStream(out))) {
            output.startCell();
            output.stdout().print("x" + "€".repeat(CellOutput.CHUNK)); // 3-byte characters across many chunks
            output.flush();
        }
        for (String chunk : out.chunks) assertTrue(!chunk.contains("\uFFFD"), "a chunk cut a character");
        assertEquals(1 + 3 * CellOutput.CHUNK, out.text().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void stdoutAndStderrKeepTheirOrder() {
        Chunks out = recording("out");
        Chunks err = recording("err");
        try (CellOutput output = new CellOutput(OutputLimit.DEFAULT, new PrintStream(out), new PrintStream(err))) {
            output.startCell();
            output.stdout().println("a");
            output.stderr().println("b");
            output.stdout().println("c");
            output.flush();
        }
        assertEquals(List.of("out", "err", "out"), order);
        assertEquals("a\nc\n", out.text());
        assertEquals("b\n", err.text());
    }

    @Test
    void whatACellPrintsShowsWhileItRuns() throws InterruptedException {
        Chunks out = recording("out");
        try (CellOutput output = new CellOutput(OutputLimit.DEFAULT, new PrintStream(out), new PrintStream(out))) {
            output.startCell();
            output.stdout().println("epoch 1");
            long deadline = System.currentTimeMillis() + 5000;
            while (out.text().isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(10);
            assertEquals("epoch 1\n", out.text()); // sent by the ticker, without a flush or the end of the cell
        }
    }
}
