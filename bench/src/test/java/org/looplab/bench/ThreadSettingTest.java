package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.looplab.bench.ThreadSetting.WaitPolicy;

/** The settings the fair comparison runs each side under: every pool is set, nothing left to a default. */
class ThreadSettingTest {
    @Test
    void oneCoreIsPinnedWithEveryPoolAtOneThread() {
        ThreadSetting t = ThreadSetting.oneCore("pytorch");
        assertEquals(List.of("taskset", "-c", "0"), t.launcher());
        assertEquals(
                Map.of("OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1"), t.environment());
        assertEquals(
                List.of("-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"),
                ThreadSetting.oneCore("djl").jvmOptions());
        assertTrue(t.label().contains("taskset -c 0"), t.label());
    }

    @Test
    void theSearchCoversThreadsTimesBlasTimesWaitPolicy() {
        // PyTorch on 2 cores: (1,1), (1,2), then intra 2 with OpenBLAS 1 or 2, each under both wait policies
        List<ThreadSetting> torch = ThreadSetting.searchGrid("pytorch", 2);
        assertEquals(6, torch.size(), torch.toString());
        assertTrue(torch.contains(new ThreadSetting("pytorch", 1, 2, null, false)), "OpenBLAS's own pool alone");
        assertTrue(torch.contains(new ThreadSetting("pytorch", 2, 1, WaitPolicy.PASSIVE, false)));
        assertTrue(torch.stream().noneMatch(ThreadSetting::pinned));
        // DJL's libtorch has one pool: 1 thread, or all cores under each policy
        assertEquals(
                List.of(
                        new ThreadSetting("djl", 1, 1, null, false),
                        new ThreadSetting("djl", 2, 2, WaitPolicy.ACTIVE, false),
                        new ThreadSetting("djl", 2, 2, WaitPolicy.PASSIVE, false)),
                ThreadSetting.searchGrid("djl", 2));
        assertEquals(1, ThreadSetting.searchGrid("pytorch", 1).size(), "one core: nothing to search");
        assertEquals(
                "PASSIVE",
                new ThreadSetting("pytorch", 2, 1, WaitPolicy.PASSIVE, false)
                        .environment()
                        .get("OMP_WAIT_POLICY"));
    }

    @Test
    void theBenchSearchesOnlyTheSettingsThatCanWin() {
        List<ThreadSetting> torch = ThreadSetting.candidates("pytorch", 2);
        assertEquals(
                List.of(
                        new ThreadSetting("pytorch", 1, 2, null, false),
                        new ThreadSetting("pytorch", 2, 1, WaitPolicy.ACTIVE, false),
                        new ThreadSetting("pytorch", 2, 1, WaitPolicy.PASSIVE, false)),
                torch);
        assertTrue(ThreadSetting.searchGrid("pytorch", 2).containsAll(torch), "a part of the full grid");
        assertEquals(
                List.of(
                        new ThreadSetting("djl", 2, 2, WaitPolicy.ACTIVE, false),
                        new ThreadSetting("djl", 2, 2, WaitPolicy.PASSIVE, false)),
                ThreadSetting.candidates("djl", 2));
        assertEquals(1, ThreadSetting.candidates("djl", 1).size(), "one core: nothing to search");
    }

    @Test
    void badSettingsFailNamingTheValue() {
        var side = assertThrows(IllegalArgumentException.class, () -> new ThreadSetting("jax", 1, 1, null, false));
        assertTrue(side.getMessage().contains("jax"), side.getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> new ThreadSetting("djl", 0, 1, null, false));
        assertTrue(zero.getMessage().contains("0"), zero.getMessage());
    }
}
