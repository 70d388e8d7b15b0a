package org.looplab.sweep;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.looplab.train.TrainingListener;
import org.looplab.train.TrainingMetrics;

/**
 * A request to stop training at the next metrics line and keep a checkpoint there: how a cell that runs in its own
 * JVM answers SIGTERM (Slurm sends it before a time limit, on {@code scancel} and on preemption). The JVM runs its
 * shutdown hooks on SIGTERM while the training thread goes on; the hook raises the request and waits until the
 * training thread has saved, since the JVM halts as soon as its hooks return.
 */
public final class StopRequest implements TrainingListener {
    /** How long the hook waits for the checkpoint; Slurm kills the task after its KillWait anyway. */
    private static final long WAIT_MINUTES = 10;

    private volatile boolean requested;
    private final CountDownLatch settled = new CountDownLatch(1);

    /** Thrown on the training thread, out of the training loop, once a stop was requested. */
    public static final class Stopped extends RuntimeException {
        private final long step;

        Stopped(long step) {
            super("stopped at step " + step);
            this.step = step;
        }

        public long step() {
            return step;
        }
    }

    /** A request raised by SIGTERM (or any other JVM shutdown) for the life of this process. */
    public static StopRequest onShutdown() {
        StopRequest s = new StopRequest();
        Runtime.getRuntime().addShutdownHook(new Thread(s::requestAndWait, "checkpoint-on-sigterm"));
        return s;
    }

    /** Raises the request and waits until {@link #settled()} is called (the cell saved, finished or failed). */
    void requestAndWait() {
        request();
        try {
            settled.await(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Raises the request without waiting (what the hook does first). */
    void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }

    /** The training thread is done with the cell: the JVM may halt. */
    public void settled() {
        settled.countDown();
    }

    @Override
    public void onLog(TrainingMetrics metrics) {
        // After a metrics line the step is complete (weights, EMA, metrics file): a checkpoint here is consistent.
        if (requested) throw new Stopped(metrics.step());
    }
}
