package org.looplab.serve.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads newline-ended lines of UTF-8 while never holding more than {@code maxBytes} of one: a longer line is skipped
 * to its end as it streams past (only its length is counted), so a client that sends gigabytes without a newline
 * costs time, not memory. {@code BufferedReader.readLine} would build the whole line first.
 */
final class BoundedLineReader {
    /** One line: its text, or null when it was longer than the limit (then {@code bytes} says how long). */
    record Line(String text, long bytes) {
        boolean oversized() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkStart, chunkEnd;
    private byte[] line = new byte[256];
    private int lineLength;

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its line end (a trailing CR is dropped too), or null at the end of input. */
    Line next() throws IOException {
        lineLength = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (chunkStart == chunkEnd) {
                int n = in.read(chunk);
                if (n < 0) return any ? finish(total) : null;
                chunkStart = 0;
                chunkEnd = n;
            }
            any = true;
            int newline = -1;
            for (int i = chunkStart; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? chunkEnd : newline;
            int n = end - chunkStart;
            if (total + n <= maxBytes) append(chunkStart, n);
            total += n;
            chunkStart = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) return finish(total);
        }
    }

    /** Capacity of the line buffer: what reading costs in memory (at most the limit, whatever was sent). */
    int bufferedCapacity() {
        return line.length;
    }

    private void append(int from, int n) {
        if (lineLength + n > line.length)
            line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(lineLength + n, 2 * line.length)));
        System.arraycopy(chunk, from, line, lineLength, n);
        lineLength += n;
    }

    private Line finish(long total) {
        if (total > maxBytes) return new Line(null, total);
        int n = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        return new Line(new String(line, 0, n, StandardCharsets.UTF_8), total);
    }
}
