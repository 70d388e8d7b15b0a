package org.looplab.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A cell's stdout and stderr on their way to Jupyter: gathered into chunks, and cut off past the {@link OutputLimit}.
 * <p>
 * Gathered: jjava's own streams send one iopub message per line, so a cell that prints a million short lines spends
 * its time (and the client's) on messages: JSON, signing, ZeroMQ, and the client decoding each one. Here bytes wait
 * in a buffer that is sent when it holds {@link #CHUNK} bytes, when the cell calls flush, before the other stream or a
 * display is sent (so their order is kept), at the end of the cell, and otherwise every {@link #TICK_MS} ms, so the
 * progress a long cell prints still shows as it runs.
 * <p>
 * Cut off: once the cell's stdout and stderr together pass the limit, the rest is dropped and one line says so
 * ({@link #truncationLine}); the cell itself runs on to its result. The cut and the chunks never split a UTF-8
 * character.
 */
final class CellOutput implements AutoCloseable {

    static final int CHUNK = 64 * 1024;
    static final long TICK_MS = 50;

    private final OutputLimit limit;
    private final Channel out;
    private final Channel err;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Thread ticker;
    private volatile boolean closed;
    private long passed; // guarded by this: bytes of this cell let through, both streams
    private boolean truncated; // guarded by this

    CellOutput(OutputLimit limit, PrintStream jupyterOut, PrintStream jupyterErr) {
        this.limit = limit;
        this.out = new Channel(jupyterOut);
        this.err = new Channel(jupyterErr);
        out.other = err;
        err.other = out;
        this.stdout = new PrintStream(out, false, StandardCharsets.UTF_8);
        this.stderr = new PrintStream(err, false, StandardCharsets.UTF_8);
        // A plain loop rather than a scheduled executor, whose thread can die of an OutOfMemoryError in its own
        // bookkeeping while a cell fills the heap, leaving no one to send what a later cell prints.
        this.ticker = new Thread(this::tick, "cell-output-flusher");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** What {@code System.out} is while a cell runs. */
    PrintStream stdout() {
        return stdout;
    }

    /** What {@code System.err} is while a cell runs. */
    PrintStream stderr() {
        return stderr;
    }

    /** A new cell: sends what an earlier one left, and gives this one the whole limit. */
    synchronized void startCell() {
        flush();
        passed = 0;
        truncated = false;
    }

    /** Sends everything gathered so far, to the last whole character. */
    synchronized void flush() {
        // Not stdout.flush(): that takes the PrintStream's lock while this one is held, and a printing thread takes
        // them the other way round. A PrintStream hands on every print at once anyway.
        out.send();
        err.send();
    }

    /** The line that ends a cut-off cell's output. */
    static String truncationLine(OutputLimit limit) {
        return "[output truncated after " + limit + ": the rest of this cell's output is dropped; "
                + OutputLimit.VARIABLE + " sets the limit]\n";
    }

    private void tick() {
        while (!closed) {
            try {
                Thread.sleep(TICK_MS);
                flush();
            } catch (Throwable t) {
                // An OutOfMemoryError or a send that failed: what was in the buffer is gone; the next tick goes on.
            }
        }
    }

    private synchronized void accept(Channel to, byte[] bytes, int offset, int length) {
        if (truncated || length <= 0) {
            return;
        }
        to.other.send(); // what the other stream printed first goes first
        long room = limit.bytes() - passed;
        if (length <= room) {
            to.append(bytes, offset, length);
            passed += length;
            return;
        }
        int kept = charBoundary(bytes, offset, offset + (int) room) - offset;
        to.append(bytes, offset, kept);
        passed += kept;
        truncated = true;
        byte[] line = ((to.lastByte == '\n' ? "" : "\n") + truncationLine(limit)).getBytes(StandardCharsets.UTF_8);
        to.append(line, 0, line.length);
        to.send();
    }

    /**
     * The end of the last whole UTF-8 character in {@code bytes[start, end)}: {@code end} itself, or the start of a
     * multi-byte character that {@code end} would cut.
     */
    static int charBoundary(byte[] bytes, int start, int end) {
        for (int i = end - 1; i >= Math.max(start, end - 4); i--) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                return end; // ASCII: nothing is cut
            }
            if (b >= 0xC0) { // the lead byte of the last character
                int size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return i + size <= end ? end : i;
            }
        }
        return end; // not UTF-8 as expected: pass it on as it is
    }

    @Override
    public void close() {
        closed = true;
        ticker.interrupt();
        flush();
    }

    /** One of the two streams: its buffer and where it goes. */
    private final class Channel extends OutputStream {
        private final PrintStream target;
        private final byte[] buffer = new byte[CHUNK];
        private int count; // guarded by CellOutput.this
        private int lastByte = '\n'; // guarded by CellOutput.this
        private Channel other;

        Channel(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            accept(this, bytes, offset, length);
        }

        @Override
        public void flush() {
            synchronized (CellOutput.this) {
                send();
            }
        }

        /** Called with CellOutput's lock held. */
        void append(byte[] bytes, int offset, int length) {
            if (length > 0) {
                lastByte = bytes[offset + length - 1];
            }
            while (length > 0) {
                int n = Math.min(length, buffer.length - count);
                System.arraycopy(bytes, offset, buffer, count, n);
                count += n;
                offset += n;
                length -= n;
                if (count == buffer.length) {
                    send();
                }
            }
        }

        /** Sends the buffer up to its last whole character (called with CellOutput's lock held). */
        void send() {
            int end = charBoundary(buffer, 0, count);
            if (end == 0 && count < buffer.length) {
                return; // nothing, or only the first bytes of one character
            }
            if (end == 0) {
                end = count; // a full buffer that is not UTF-8: send it anyway
            }
            int rest = count - end;
            count = 0; // before sending: if the send fails, the chunk is dropped rather than sent again and again
            target.write(buffer, 0, end);
            System.arraycopy(buffer, end, buffer, 0, rest);
            count = rest;
        }
    }
}
