package org.looplab.kernel;

/**
 * Part of the heap held back while cells run and let go the moment a cell's OutOfMemoryError is caught, so that the
 * kernel's own threads (the shell, ZeroMQ's, the heartbeat) have room to send the error reply and to compile the next
 * cell even when the cell's data is still held by a variable and the heap is otherwise full. It is taken again only
 * once the heap has plenty of room: taking it back from a full heap would leave the kernel none.
 */
final class HeapReserve {

    private static final long MAX_BYTES = 64L << 20;

    private final int bytes;
    private volatile byte[] reserve;

    /** An eighth of the heap, at most 64 MB. */
    HeapReserve() {
        this((int) Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 8));
    }

    HeapReserve(int bytes) {
        this.bytes = bytes;
    }

    /** Takes the reserve if it is not held and the heap would stay under three quarters full with it. */
    void take() {
        if (reserve != null) {
            return;
        }
        Runtime runtime = Runtime.getRuntime();
        if (runtime.totalMemory() - runtime.freeMemory() + bytes > runtime.maxMemory() / 4 * 3) {
            return; // variables may still hold most of the heap: what is free now is the kernel's
        }
        try {
            reserve = new byte[bytes];
        } catch (OutOfMemoryError e) {
            // the heap is full (variables hold it); the next OutOfMemoryError is reported without a reserve
        }
    }

    void release() {
        reserve = null;
    }

    boolean isHeld() {
        return reserve != null;
    }
}
