package org.looplab.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A region that builds no autograd graph: {@code try (var off = NoGrad.open()) { ... }}.
 *
 * <p>Why explicit: libtorch's grad mode is per thread. DJL turns it off only on the thread that loaded the engine,
 * so on any other thread (notebook cells run on a pool) ops on parameters record a graph even outside a
 * {@code GradientCollector}. This sets the mode off for the current thread and restores what it found.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;
    private final Thread owner;
    private boolean closed;

    private NoGrad(boolean previous) {
        this.previous = previous;
        this.owner = Thread.currentThread();
    }

    /** Turns recording off on this thread until {@link #close()}. */
    public static NoGrad open() {
        Engine.getInstance(); // the JNI calls below need the native library loaded
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return new NoGrad(previous);
    }

    /** Whether ops on this thread record a graph now. */
    public static boolean isRecording() {
        Engine.getInstance();
        return JniUtils.isGradMode();
    }

    @Override
    public void close() {
        if (closed) return;
        // Restoring from another thread would set that thread's mode and leave ours off.
        if (Thread.currentThread() != owner)
            throw new IllegalStateException("NoGrad opened on " + owner.getName() + " closed on "
                    + Thread.currentThread().getName());
        JniUtils.setGradMode(previous);
        closed = true;
    }
}
