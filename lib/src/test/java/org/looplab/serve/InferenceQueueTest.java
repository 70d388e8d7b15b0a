package org.looplab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.model.PuzzleRun;

class InferenceQueueTest {
    @TempDir
    Path dir;

    @Test
    void aFailingRequestFailsAloneAndTheWorkerGoesOn() {
        try (LoadedSolver s = LoadedSolver.load(SolverCheckpoints.untrained("t-sudoku4", dir));
                InferenceQueue q = new InferenceQueue(50, 64)) {
            long[] good = new long[16];
            java.util.Arrays.fill(good, 1);
            // A wrong-length row is refused as it is submitted, naming both lengths; a row with a step cap the model
            // does not have fails in its batch, which is then retried one by one, so only it fails. They queue
            // behind a first request of all 4 steps, so the worker finds them together...
            CompletableFuture<PuzzleRun> first = q.submit(s, good, 4, 1.0f);
            CompletableFuture<PuzzleRun> badCap = q.submit(s, good, 5, 0.5f);
            CompletableFuture<PuzzleRun> bad = q.submit(s, new long[3], 2, 0.5f);
            CompletableFuture<PuzzleRun> sameBatch = q.submit(s, good, 2, 0.5f);
            CompletionException e = assertThrows(CompletionException.class, bad::join);
            assertEquals(
                    "a puzzle of 3 cells for untrained-t-sudoku4, which reads 16",
                    e.getCause().getMessage());
            assertThrows(CompletionException.class, badCap::join);
            assertEquals(16, sameBatch.join().answer().length);
            assertEquals(16, first.join().answer().length);
            // ...and the next request is served.
            PuzzleRun next = q.submit(s, good, 2, 0.5f).join();
            assertEquals(16, next.answer().length);
            assertTrue(next.exitStep() >= 1 && next.exitStep() <= 2);
            q.close();
            assertThrows(
                    CompletionException.class, () -> q.submit(s, good, 2, 0.5f).join(), "closed");
        }
    }

    @Test
    void aLoneRequestDoesNotWaitTheWindowAndLeavesTheCallersThreadsAlone() {
        try (LoadedSolver s = LoadedSolver.load(SolverCheckpoints.untrained("t-sudoku4", dir));
                InferenceQueue q = new InferenceQueue(600_000, 64, 1)) {
            long[] row = new long[16];
            java.util.Arrays.fill(row, 1);
            int before = JniUtils.getNumThreads();
            // A ten-minute window: a lone request that waited for company would not be answered within the test's
            // time; with nothing queued behind it, it runs at once.
            PuzzleRun run = q.submit(s, row, 2, 0.5f)
                    .orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
            assertEquals(16, run.answer().length);
            assertEquals(before, JniUtils.getNumThreads(), "the caller's intra-op threads");
        }
    }

    @Test
    void aLonePuzzleGetsItsOwnThreadCountABatchGetsLibtorchs() {
        assertEquals(1, InferenceQueue.threadsFor(1, 1, 2));
        assertEquals(2, InferenceQueue.threadsFor(2, 1, 2));
        assertEquals(2, InferenceQueue.threadsFor(64, 1, 2));
        assertEquals(2, InferenceQueue.threadsFor(1, 0, 2), "0 keeps libtorch's setting");
        assertThrows(IllegalArgumentException.class, () -> new InferenceQueue(3, 64, -1));
    }
}
