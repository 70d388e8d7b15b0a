package org.looplab.serve;

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
 * The one thread that runs models. Requests from any thread queue here; the worker takes the first, waits up to
 * {@code window} for more (up to {@code maxBatch}), and runs each model's share as one batch.
 *
 * <p>Why one thread: DJL's grad mode is per thread (each inference must open NoGrad on its own thread anyway) and
 * libtorch already uses both cores inside one op, so two inference threads would only fight over them. Batching is
 * where the throughput comes from: one step over 32 puzzles costs little more than over one.
 */
public final class InferenceQueue implements AutoCloseable {

    private record Request(
            LoadedSolver solver, long[] tokens, int maxSteps, float threshold, CompletableFuture<PuzzleRun> result) {}

    private static final Request STOP = new Request(null, null, 0, 0, null);

    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final long windowNanos;
    private final int maxBatch;
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param windowMillis how long the worker waits for company after the first request of a batch
     * @param maxBatch     the most puzzles in one forward pass
     */
    public InferenceQueue(double windowMillis, int maxBatch) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be >= 1, was " + maxBatch);
        if (windowMillis < 0) throw new IllegalArgumentException("windowMillis must be >= 0, was " + windowMillis);
        this.windowNanos = (long) (windowMillis * 1e6);
        this.maxBatch = maxBatch;
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
        if (closed) {
            f.completeExceptionally(new IllegalStateException("inference queue is closed"));
            return f;
        }
        queue.add(new Request(solver, tokens, maxSteps, threshold, f));
        return f;
    }

    private void work() {
        List<Request> batch = new ArrayList<>();
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
            long deadline = System.nanoTime() + windowNanos;
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
            run(batch);
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
