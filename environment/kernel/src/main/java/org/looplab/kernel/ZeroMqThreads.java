package org.looplab.kernel;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;
import zmq.Ctx;
import zmq.io.IOThread;
import zmq.poll.Poller;

/**
 * ZeroMQ's own threads (its I/O thread, which moves every message of every channel, and its reaper), made to go on
 * after an OutOfMemoryError.
 * <p>
 * While a cell fills the heap, the I/O thread can be the one whose allocation fails (a heartbeat arrives, an output
 * message leaves). jeromq's poller loop catches only RuntimeExceptions, so the error ends the thread, and with it the
 * kernel's messaging: the notebook waits forever for a reply the kernel has computed. The loop keeps no state of its
 * own between rounds (what it serves lives in its selector and handlers), so the thread's uncaught-exception handler,
 * which runs on the dying thread itself, enters the loop again instead of letting the thread end. At worst the
 * message being handled when the error struck is lost; the thread, and every channel after it, lives.
 * <p>
 * jeromq 0.6.0 creates these threads inside jjava's connection, before any code of ours can hand it a thread factory,
 * so they are found through private fields; if those are not found the kernel says so and runs unguarded.
 */
final class ZeroMqThreads {

    /** How long the loop pauses before it is entered again: a failure that repeats cannot spin a core. */
    static final long PAUSE_MS = 20;

    private ZeroMqThreads() {}

    /** Guards the poller threads of the context; returns the threads it guarded. */
    static List<Thread> guard(ZMQ.Context context) throws ReflectiveOperationException {
        Ctx ctx = (Ctx) field(ZMQ.Context.class, "ctx").get(context);
        List<Poller> pollers = new ArrayList<>();
        for (Object io : (List<?>) field(Ctx.class, "ioThreads").get(ctx)) {
            pollers.add((Poller) field(IOThread.class, "poller").get(io));
        }
        Object reaper = field(Ctx.class, "reaper").get(ctx);
        if (reaper != null) {
            pollers.add((Poller) field(reaper.getClass(), "poller").get(reaper));
        }
        Field worker = field(Poller.class.getSuperclass(), "worker"); // PollerBase, not public
        List<Thread> guarded = new ArrayList<>();
        for (Poller poller : pollers) {
            Thread thread = (Thread) worker.get(poller);
            thread.setUncaughtExceptionHandler(
                    new RerunAfterOutOfMemory(poller, thread.getUncaughtExceptionHandler(), thread.getName()));
            guarded.add(thread);
        }
        return guarded;
    }

    /** A private field of jjava's or jeromq's, made readable (also {@link GuardedConnection}'s). */
    static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /**
     * Runs {@code loop} again, on the thread it failed on, each time it ends with an OutOfMemoryError; anything else
     * goes to the handler the thread had before.
     */
    static final class RerunAfterOutOfMemory implements Thread.UncaughtExceptionHandler {

        private final Runnable loop;
        private final Thread.UncaughtExceptionHandler previous;
        /** The log line, made while there is memory: a line built when the heap is full would fail to be built. */
        private final byte[] notice;

        RerunAfterOutOfMemory(Runnable loop, Thread.UncaughtExceptionHandler previous, String threadName) {
            this.loop = loop;
            this.previous = previous;
            this.notice = ("looplab kernel: ZeroMQ's thread " + threadName
                            + " met an OutOfMemoryError (a cell filled the heap) and goes on\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void uncaughtException(Thread thread, Throwable failure) {
            Throwable last = failure;
            while (last instanceof OutOfMemoryError) {
                try {
                    Thread.sleep(PAUSE_MS); // also lets the collector and the cell's stop catch up
                    tell();
                    loop.run();
                    return; // the loop ended as it should: the context is closing
                } catch (InterruptedException e) {
                    return; // jeromq interrupts its threads only to end them
                } catch (Throwable again) {
                    last = again;
                }
            }
            if (previous != null) {
                previous.uncaughtException(thread, last);
            }
        }

        private void tell() {
            try {
                System.err.write(notice, 0, notice.length);
                System.err.flush();
            } catch (Throwable t) {
                // only a log line: the loop goes on without it
            }
        }
    }
}
