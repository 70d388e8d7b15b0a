package org.looplab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            // A wrong-length row and a good row in one window: the batch cannot be built, so each is retried alone
            // and only the bad one fails...
            CompletableFuture<PuzzleRun> bad = q.submit(s, new long[3], 2, 0.5f);
            CompletableFuture<PuzzleRun> sameBatch = q.submit(s, good, 2, 0.5f);
            assertThrows(CompletionException.class, bad::join);
            assertEquals(16, sameBatch.join().answer().length);
            // ...and the next request is served.
            PuzzleRun next = q.submit(s, good, 2, 0.5f).join();
            assertEquals(16, next.answer().length);
            assertTrue(next.exitStep() >= 1 && next.exitStep() <= 2);
            q.close();
            assertThrows(
                    CompletionException.class, () -> q.submit(s, good, 2, 0.5f).join(), "closed");
        }
    }
}
