package org.looplab.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

/**
 * jjava's connection, with channel threads that survive an Error.
 * <p>
 * Each of jjava's shell, control and heartbeat channels runs a {@link Loop} thread, which ends at the first Throwable
 * that escapes a message's handling (it rethrows when no error callback is set). While a cell fills the heap, an
 * OutOfMemoryError can strike any thread that allocates, and a kernel whose shell or heartbeat thread has ended looks
 * alive but answers nothing. Here every loop gets a callback that drops the failed message and goes on. jjava 1.0-a6
 * offers no way to set it but the loops' private fields; if they are not found, the kernel says so on stderr and runs
 * unguarded. ZeroMQ's own I/O thread, below these loops, is guarded by {@link ZeroMqThreads}.
 */
final class GuardedConnection extends JupyterConnection {

    /** How long a loop pauses after a failure, so a failure that repeats cannot spin a core. */
    private static final long PAUSE_MS = 50;

    GuardedConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
    }

    /** Binds the channels (starting their threads), then guards their loops. */
    @Override
    public void connect() {
        super.connect();
        try {
            guard(loopOf(shell, "ioloop"));
            guard(loopOf(control, "ioloop"));
            guard(loopOf(heartbeat, "pulse"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("looplab kernel: cannot guard jjava's channel threads (" + e + "); an OutOfMemoryError"
                    + " in one of them would end it");
        }
        try {
            ZeroMqThreads.guard((ZMQ.Context)
                    ZeroMqThreads.field(JupyterConnection.class, "ctx").get(this));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("looplab kernel: cannot guard ZeroMQ's I/O thread (" + e + "); an OutOfMemoryError in it"
                    + " would end the kernel's messaging");
        }
    }

    private static Loop loopOf(Object channel, String field) throws ReflectiveOperationException {
        return (Loop) ZeroMqThreads.field(channel.getClass(), field).get(channel);
    }

    private static void guard(Loop loop) {
        loop.onError(error -> PAUSE_MS);
    }
}
