package org.looplab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in this JVM and keeps what they return as live objects.
 * <p>
 * JShell's stock local engine hands back only a snippet value's string form, which makes rendering the last
 * expression (a BufferedImage as PNG, a DisplayData as itself) impossible. Here {@link #invoke(Method)} stores the
 * real object under a fresh key and returns the key, which JShell passes on as {@code SnippetEvent.value()}; the
 * evaluator swaps it back with {@link #takeResult}. What is thrown is kept the same way ({@link #takeFailure}).
 * <p>
 * Snippets run on daemon worker threads whose context class loader is the snippet loader. DJL's grad mode (and any
 * other thread-local state) is per thread: cells usually land on the same pooled thread but are not guaranteed to,
 * so libraries must set such state themselves rather than rely on an earlier cell.
 */
final class LiveValueExecutionControl extends DirectExecutionControl {

    /** How long an interrupted or timed-out snippet gets to end by itself before its thread is stopped. */
    private static final long STOP_GRACE_MS = 1000;
    /** Stands for null, which ConcurrentHashMap cannot hold. */
    private static final Object NULL = new Object();

    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private final Set<SnippetRun> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService stopper;
    private final EvaluationTimeout timeout;
    private final Runnable onOutOfMemory;
    /** Set when {@link #stopForMemory} stopped the running cell, so its ThreadDeath is reported as what it is. */
    private final AtomicBoolean stoppedForMemory = new AtomicBoolean();

    LiveValueExecutionControl(SnippetLoaderDelegate loader, EvaluationTimeout timeout, Runnable onOutOfMemory) {
        super(loader);
        this.timeout = timeout;
        this.onOutOfMemory = onOutOfMemory;
        this.workers = Executors.newCachedThreadPool(new WorkerThreadFactory(loader.classLoader()));
        this.stopper = Executors.newSingleThreadScheduledExecutor(r -> daemon(new Thread(r, "cell-stopper")));
        ExitGuard.install();
    }

    /** A provider for {@code JShell.builder().executionEngine(...)} that hands out this very instance. */
    ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "looplab-live-values";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return LiveValueExecutionControl.this;
            }
        };
    }

    /** The live value a snippet produced, by the key JShell reported as its value; null if it was null. */
    Object takeResult(String key) {
        Object value = results.remove(key);
        return value == NULL ? null : value;
    }

    /** Called after each JShell eval: snippets without a value (statements, declarations) still left an entry. */
    void clearResults() {
        results.clear();
    }

    /** What the last failed snippet threw, or an interrupt/timeout failure; null if nothing failed since. */
    Throwable takeFailure() {
        return lastFailure.getAndSet(null);
    }

    /** Cancels the running cell: interrupts its thread now and, if it is still busy 1 s later, stops it. */
    void interruptRunning() {
        running.forEach(this::cancelAndStop);
    }

    /**
     * Stops the running cell because the heap is nearly full ({@link HeapWatch}); it fails with the
     * OutOfMemoryError it was about to meet. False if no cell was running.
     */
    boolean stopForMemory() {
        if (running.isEmpty()) {
            return false;
        }
        stoppedForMemory.set(true);
        onOutOfMemory.run();
        running.forEach(SnippetRun::stopIfStillRunning);
        return true;
    }

    private void cancelAndStop(SnippetRun run) {
        run.cancel(true);
        stopper.schedule(run::stopIfStillRunning, STOP_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected String invoke(Method doIt) throws Exception {
        // A magic such as %load evaluates more snippets from inside a running one. Queuing those behind the snippet
        // that waits for them would deadlock, so they run right here on the current worker thread.
        Object value = Thread.currentThread() instanceof WorkerThread ? runInline(doIt) : runOnWorker(doIt);
        String key = UUID.randomUUID().toString();
        results.put(key, value == null ? NULL : value);
        return key;
    }

    private Object runInline(Method doIt) throws Exception {
        try {
            return doIt.invoke(null);
        } catch (InvocationTargetException e) {
            noteOutOfMemory(e.getCause());
            lastFailure.set(e.getCause());
            throw e; // the superclass turns it into JShell's EvalException
        }
    }

    private Object runOnWorker(Method doIt) throws Exception {
        SnippetRun run = new SnippetRun(doIt, onOutOfMemory);
        stoppedForMemory.set(false);
        running.add(run); // before it starts, so an early interrupt finds it
        try {
            workers.execute(run);
            return timeout.isLimited() ? run.get(timeout.amount(), timeout.unit()) : run.get();
        } catch (ExecutionException e) {
            Throwable thrown = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
            if (thrown instanceof ThreadDeath && stoppedForMemory.getAndSet(false)) {
                thrown = new OutOfMemoryError("Java heap space"); // what the JVM would have thrown a moment later
            }
            noteOutOfMemory(thrown);
            lastFailure.set(thrown);
            throw e.getCause() instanceof Exception cause ? cause : new InvocationTargetException(thrown);
        } catch (CancellationException e) {
            awaitEnd(run);
            throw failWith(new EvaluationInterruptedException());
        } catch (InterruptedException e) {
            // Not re-flagged on purpose: this is jjava's request thread, whose loop ends when it sees an interrupt.
            cancelAndStop(run);
            awaitEnd(run);
            throw failWith(new EvaluationInterruptedException());
        } catch (TimeoutException e) {
            // IJava leaves a timed-out snippet running; on two cores a runaway loop would slow every later cell.
            cancelAndStop(run);
            awaitEnd(run);
            throw failWith(new EvaluationTimeoutException(timeout));
        } finally {
            running.remove(run);
        }
    }

    /**
     * Returns only when the cancelled snippet's thread has really ended. A cell that survives the interrupt and
     * {@code Thread.stop} (one that catches Throwable around its loop) keeps the cell, and so the kernel, busy: the
     * notebook shows it as still running, and says so once, rather than going idle over a loop that still burns a
     * core. Until it ends it is stopped again every second and at every further interrupt; a restart always ends it.
     */
    private void awaitEnd(SnippetRun run) {
        boolean told = false;
        while (!run.awaitFinished(STOP_GRACE_MS + STOP_GRACE_MS / 2)) {
            if (!told) {
                System.err.println(STILL_RUNNING);
                System.err.flush();
                told = true;
            }
            run.stopIfStillRunning();
        }
    }

    /** JShell's own reporting of the failure needs memory too: the kernel's reserve is let go before it starts. */
    private void noteOutOfMemory(Throwable thrown) {
        if (thrown instanceof OutOfMemoryError) {
            onOutOfMemory.run();
        }
    }

    /** What a cell that survives its interrupt is told (on its stderr) while the kernel keeps it running. */
    static final String STILL_RUNNING = "This cell did not stop when interrupted (it catches the stop, e.g. catch "
            + "(Throwable t) around a loop) and is STILL RUNNING; the kernel stays busy until it ends. It is stopped "
            + "again every second: interrupt again, or restart the kernel to end it for sure.";

    private UserException failWith(CellFailure failure) {
        lastFailure.set(failure);
        return new UserException(failure.getMessage(), failure.getClass().getName(), failure.getStackTrace());
    }

    @Override
    public void stop() {
        interruptRunning();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        stopper.shutdownNow();
        super.close();
    }

    private static Thread daemon(Thread thread) {
        thread.setDaemon(true); // a cell's leftover thread must not keep the kernel alive
        return thread;
    }

    /** One top-level snippet on a worker thread, remembering that thread so only this run is ever stopped. */
    private static final class SnippetRun extends FutureTask<Object> {

        private Thread thread; // guarded by this
        private boolean finished; // guarded by this
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        private final Runnable onOutOfMemory;

        SnippetRun(Method doIt, Runnable onOutOfMemory) {
            super(() -> doIt.invoke(null));
            this.onOutOfMemory = onOutOfMemory;
        }

        /**
         * Lets the kernel's reserve go right here on the failing thread: until it does, the heap is full for every
         * thread, the kernel's own included.
         */
        @Override
        protected void setException(Throwable t) {
            if (t instanceof OutOfMemoryError
                    || t instanceof InvocationTargetException ite && ite.getCause() instanceof OutOfMemoryError) {
                onOutOfMemory.run();
            }
            super.setException(t);
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            try {
                super.run();
            } finally {
                synchronized (this) {
                    finished = true;
                }
                ended.countDown();
            }
        }

        /**
         * True once the snippet's code has returned or thrown (or never started, when cancelled first); waits up to
         * {@code ms}. An interrupt of the waiting thread does not end the wait early: it is jjava's request thread.
         */
        boolean awaitFinished(long ms) {
            synchronized (this) {
                if (thread == null && isDone()) return true; // cancelled before a worker picked it up
            }
            long until = System.nanoTime() + ms * 1_000_000;
            while (true) {
                try {
                    // Polled: a stop that lands in run()'s own finally kills the thread before it counts down.
                    if (ended.await(Math.min(100_000_000, Math.max(0, until - System.nanoTime())), TimeUnit.NANOSECONDS)
                            || threadDied()) return true;
                    if (System.nanoTime() >= until) return false;
                } catch (InterruptedException e) {
                    // keep waiting: the cell is still running, whatever asked this thread to stop
                }
            }
        }

        private synchronized boolean threadDied() {
            return thread != null && !thread.isAlive();
        }

        /**
         * Thread.stop() for code that ignores interrupts (busy loops). Decided per run, not per thread: pool threads
         * are reused, and a late stop would kill whatever cell the thread runs next. Works on JDK 17; JDK 20+ throw
         * UnsupportedOperationException, and then the runaway thread keeps spinning in the background.
         */
        @SuppressWarnings({"deprecation", "removal"})
        synchronized void stopIfStillRunning() {
            if (thread != null && !finished) {
                try {
                    thread.stop();
                } catch (UnsupportedOperationException e) {
                    // nothing more can be done on this JDK
                }
            }
        }
    }

    /** Marks the threads that run snippets, so a nested evaluation can tell it is already on one. */
    private static final class WorkerThread extends Thread {
        WorkerThread(Runnable task, String name) {
            super(ExitGuard.CELLS, task, name); // the group ExitGuard refuses System.exit to
        }
    }

    private static final class WorkerThreadFactory implements ThreadFactory {
        private final ClassLoader snippetLoader;
        private final AtomicInteger count = new AtomicInteger();

        WorkerThreadFactory(ClassLoader snippetLoader) {
            this.snippetLoader = snippetLoader;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = daemon(new WorkerThread(task, "cell-worker-" + count.incrementAndGet()));
            thread.setContextClassLoader(snippetLoader);
            return thread;
        }
    }
}
