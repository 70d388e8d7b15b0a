package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

class ZeroMqThreadsTest {

    @Test
    void everyPollerThreadOfARealContextIsGuardedAndMessagesStillFlow() throws Exception {
        ZMQ.Context context = ZMQ.context(1);
        try (ZMQ.Socket server = context.socket(SocketType.REP);
                ZMQ.Socket client = context.socket(SocketType.REQ)) {
            int port = server.bindToRandomPort("tcp://127.0.0.1");
            client.connect("tcp://127.0.0.1:" + port);

            List<Thread> guarded = ZeroMqThreads.guard(context);

            // one I/O thread (ZMQ.context(1)) and the reaper, each still running, each with the rerun handler
            assertEquals(2, guarded.size(), guarded.toString());
            for (Thread thread : guarded) {
                assertTrue(thread.isAlive(), thread.getName());
                assertInstanceOf(ZeroMqThreads.RerunAfterOutOfMemory.class, thread.getUncaughtExceptionHandler());
            }
            client.send("ping");
            assertEquals("ping", server.recvStr());
        } finally {
            context.close();
        }
    }

    @Test
    void aLoopThatFailsWithOutOfMemoryIsEnteredAgainOnItsOwnThreadUntilItEnds() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Throwable> passedOn = new AtomicReference<>();
        Runnable loop = () -> {
            ranOn.set(Thread.currentThread());
            if (runs.incrementAndGet() <= 2) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        Thread thread = new Thread(loop, "loop");
        thread.setUncaughtExceptionHandler(
                new ZeroMqThreads.RerunAfterOutOfMemory(loop, (t, e) -> passedOn.set(e), "loop"));
        thread.start();
        thread.join(10_000);

        assertEquals(3, runs.get()); // two failures, then the run that ended normally
        assertEquals(thread, ranOn.get());
        assertNull(passedOn.get());
    }

    @Test
    void anythingElseGoesToTheHandlerTheThreadHadBefore() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Throwable> passedOn = new AtomicReference<>();
        Runnable loop = () -> {
            if (runs.incrementAndGet() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new IllegalStateException("selector closed");
        };
        Thread thread = new Thread(loop, "loop");
        thread.setUncaughtExceptionHandler(
                new ZeroMqThreads.RerunAfterOutOfMemory(loop, (t, e) -> passedOn.set(e), "loop"));
        thread.start();
        thread.join(10_000);

        assertEquals(2, runs.get());
        assertInstanceOf(IllegalStateException.class, passedOn.get());
    }
}
