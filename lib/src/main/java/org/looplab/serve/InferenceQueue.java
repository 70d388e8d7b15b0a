package org.looplab.serve;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.looplab.model.PuzzleRun;

/**
 * The one thread that runs models. Requests from any thread queue here; the worker takes the first and, when others
 * are already waiting behind it, waits up to {@code window} for more (up to {@code maxBatch}), then runs each model's
 * share as one batch.
 *
 * <p>Why one thread: DJL's grad mode is per thread (each inference must open NoGrad on its own thread anyway) and
 * libtorch already uses both cores inside one op, so two inference threads would only fight over them. Batching is
 * where the throughput comes from: one step over 32 puzzles costs little more than over one.
 *
 * <p>A lone puzzle pays neither the window nor libtorch's thread team: with nothing queued behind it, it runs at
 * once, and on {@code loneThreads} intra-op threads (one by default). At batch 1 a 9×9 step is some 150 tiny ops, and
 * waking a second OpenMP thread for each costs more than it saves (measured in docs/benchmarks.md: one 9×9 puzzle
 * with all 16 steps, p50 64 ms on two threads, 42 ms on one); a batch gets libtorch's full setting back. Requests
 * that arrive while a batch runs pile up and leave together as the next batch, so the window only matters for a
 * burst that starts while the worker is idle.
 */
public final class InferenceQueue implements AutoCloseable {

    private record Request(
            LoadedSolver solver, long[] tokens, int maxSteps, float threshold, CompletableFuture<PuzzleRun> result) {}

    private static final Request STOP = new Request(null, null, 0, 0, null);

    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final long windowNanos;
    private final int maxBatch;
    private final int loneThreads;
    private final Thread worker;
    private volatile boolean closed;

    /** {@link #InferenceQueue(double, int, int)} with a lone puzzle on one intra-op thread. */
    public InferenceQueue(double windowMillis, int maxBatch) {
        this(windowMillis, maxBatch, 1);
    }

    /**
     * @param windowMillis how long the worker waits for company after the first request of a batch, when some is
     *                     already queued
     * @param maxBatch     the most puzzles in one forward pass
     * @param loneThreads  libtorch intra-op threads for a batch of one puzzle; 0 keeps libtorch's setting (the
     *                     {@code ai.djl.pytorch.num_threads} the process started with) for every batch
     */
    public InferenceQueue(double windowMillis, int maxBatch, int loneThreads) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be >= 1, was " + maxBatch);
        if (windowMillis < 0) throw new IllegalArgumentException("windowMillis must be >= 0, was " + windowMillis);
        if (loneThreads < 0) throw new IllegalArgumentException("loneThreads must be >= 0, was " + loneThreads);
        this.windowNanos = (long) (windowMillis * 1e6);
        this.maxBatch = maxBatch;
        this.loneThreads = loneThreads;
        this.worker = new Thread(this::work, "looplab-inference");
        worker.setDaemon(true); // a server whose client went away must not be kept alive by this thread
        worker.start();
    }

    /** A batch window of 3 ms and batches of up to 64: small next to a model step, large enough to fill one. */
    public static InferenceQueue standard() {
        return new InferenceQueue(3, 64);
    }

    // synchronized with close(): a request is either queued before STOP (and answered or failed) or refused here.
    public synchronized CompletableFuture<PuzzleRun> submit(
            LoadedSolver solver, long[] tokens, int maxSteps, float threshold) {
        CompletableFuture<PuzzleRun> f = new CompletableFuture<>();
        int cells = solver.model().task().gridCells();
        if (tokens.length != cells) {
            // Refused here, alone: in a batch a short row would be read as part of its neighbours' rows.
            f.completeExceptionally(new IllegalArgumentException(
                    "a puzzle of " + tokens.length + " cells for " + solver.name() + ", which reads " + cells));
            return f;
        }
        if (closed) {
            f.completeExceptionally(new IllegalStateException("inference queue is closed"));
            return f;
        }
        queue.add(new Request(solver, tokens, maxSteps, threshold, f));
        return f;
    }

    /**
     * Intra-op threads for a batch of {@code size} puzzles: {@code lone} for one puzzle (0: unchanged), {@code all}
     * otherwise.
     */
    static int threadsFor(int size, int lone, int all) {
        return size == 1 && lone > 0 ? lone : all;
    }

    private void work() {
        List<Request> batch = new ArrayList<>();
        int allThreads = -1;
        while (true) {
            batch.clear();
            Request first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (first == STOP) return;
            batch.add(first);
            // Company already queued means a burst: wait the window to fill the batch. A lone request runs at once.
            long deadline = System.nanoTime() + (queue.isEmpty() ? 0 : windowNanos);
            boolean stop = false;
            while (batch.size() < maxBatch) {
                long left = deadline - System.nanoTime();
                Request r;
                try {
                    r = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                } catch (InterruptedException e) {
                    stop = true;
                    break;
                }
                if (r == null) break;
                if (r == STOP) {
                    stop = true;
                    break;
                }
                batch.add(r);
            }
            if (allThreads < 0) allThreads = JniUtils.getNumThreads();
            int wanted = threadsFor(batch.size(), loneThreads, allThreads);
            // libtorch keeps the intra-op count per OpenMP thread, but also in one global that a thread reads on its
            // first parallel op: set back at once, so only a thread starting its first op during this batch could
            // inherit the lone count (none does in looplab serve or solve, where this is the only thread that runs
            // models).
            if (wanted != allThreads) JniUtils.setNumThreads(wanted);
            try {
                run(batch);
            } finally {
                if (wanted != allThreads) JniUtils.setNumThreads(allThreads);
            }
            if (stop) {
                failPending();
                return;
            }
        }
    }

    private static void run(List<Request> batch) {
        Map<LoadedSolver, List<Request>> bySolver = new LinkedHashMap<>();
        for (Request r : batch)
            bySolver.computeIfAbsent(r.solver(), s -> new ArrayList<>()).add(r);
        for (var group : bySolver.entrySet()) runBatch(group.getKey(), group.getValue());
    }

    private static void runBatch(LoadedSolver solver, List<Request> rs) {
        {
            long[][] tokens = new long[rs.size()][];
            int[] steps = new int[rs.size()];
            float[] thresholds = new float[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                tokens[i] = rs.get(i).tokens();
                steps[i] = rs.get(i).maxSteps();
                thresholds[i] = rs.get(i).threshold();
            }
            try {
                PuzzleRun[] out = AdaptiveHalting.run(solver.model(), tokens, steps, thresholds);
                for (int i = 0; i < rs.size(); i++) rs.get(i).result().complete(out[i]);
            } catch (RuntimeException | Error e) {
                // One bad request must not sink the others that happened to share its batch: retry each alone, so
                // only the culprit fails. The worker goes on serving either way.
                if (rs.size() > 1) {
                    for (Request r : rs) runBatch(solver, List.of(r));
                } else {
                    rs.get(0).result().completeExceptionally(e);
                }
            }
        }
    }

    private void failPending() {
        Request r;
        while ((r = queue.poll()) != null) {
            if (r != STOP) r.result().completeExceptionally(new IllegalStateException("inference queue is closed"));
        }
    }

    /** Finishes the batch in hand, fails what is still queued, and stops the worker. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            queue.add(STOP);
        }
        try {
            worker.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
