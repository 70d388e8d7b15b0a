package org.looplab.kernel;

import java.lang.reflect.Field;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * jjava's connection, with channel threads that survive an Error.
 * <p>
 * Each of jjava's shell, control and heartbeat channels runs a {@link Loop} thread, which ends at the first Throwable
 * that escapes a message's handling (it rethrows when no error callback is set). While a cell fills the heap, an
 * OutOfMemoryError can strike any thread that allocates, and a kernel whose shell or heartbeat thread has ended looks
 * alive but answers nothing. Here every loop gets a callback that drops the failed message and goes on. jjava 1.0-a6
 * offers no way to set it but the loops' private fields; if they are not found, the kernel says so on stderr and runs
 * unguarded.
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
    }

    private static Loop loopOf(Object channel, String field) throws ReflectiveOperationException {
        Field f = channel.getClass().getDeclaredField(field);
        f.setAccessible(true);
        return (Loop) f.get(channel);
    }

    private static void guard(Loop loop) {
        loop.onError(error -> PAUSE_MS);
    }
}
