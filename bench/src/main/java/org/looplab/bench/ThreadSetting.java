package org.looplab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one benchmark child process may use the CPU: its intra-op threads (libtorch's OpenMP pool, DJL's
 * {@code ai.djl.pytorch.num_threads} or torch's {@code set_num_threads}), the BLAS library's own pool (Debian's torch
 * calls OpenBLAS-pthread, which keeps threads of its own), the OpenMP wait policy, and whether it is pinned to core 0.
 * A fair comparison sets every pool explicitly: a default left alone is a setting too (the rule of docs/benchmarks.md: "torch at 1
 * intra-op thread with OpenBLAS's own 2" was measured as if it were torch's best).
 *
 * @param side       {@code djl} or {@code pytorch}
 * @param intraOp    intra-op threads, also OMP_NUM_THREADS and MKL_NUM_THREADS
 * @param blas       OPENBLAS_NUM_THREADS (DJL's libtorch has MKL inside and ignores it; kept equal to intraOp there)
 * @param waitPolicy OMP_WAIT_POLICY, or null for the runtime's default (irrelevant with one thread)
 * @param pinned     run under {@code taskset -c 0}
 */
public record ThreadSetting(String side, int intraOp, int blas, WaitPolicy waitPolicy, boolean pinned) {
    public ThreadSetting {
        if (!"djl".equals(side) && !"pytorch".equals(side))
            throw new IllegalArgumentException("side must be djl or pytorch, was " + side);
        if (intraOp < 1 || blas < 1)
            throw new IllegalArgumentException("thread counts must be >= 1, were " + intraOp + " and " + blas);
    }

    /** OpenMP's choice while a thread waits for work: spin (ACTIVE) or sleep (PASSIVE). */
    public enum WaitPolicy {
        ACTIVE,
        PASSIVE
    }

    /** One core each: pinned to core 0, every pool at one thread. */
    public static ThreadSetting oneCore(String side) {
        return new ThreadSetting(side, 1, 1, null, true);
    }

    /**
     * The all-cores search for one side: intra-op threads in {1, cores} × (PyTorch only) OpenBLAS threads in
     * {1, cores} × the OpenMP wait policy where an OpenMP pool has more than one thread.
     */
    public static List<ThreadSetting> searchGrid(String side, int cores) {
        List<Integer> counts = cores > 1 ? List.of(1, cores) : List.of(1);
        List<ThreadSetting> grid = new ArrayList<>();
        for (int intra : counts) {
            for (int blas : "pytorch".equals(side) ? counts : List.of(intra)) {
                if (intra == 1) grid.add(new ThreadSetting(side, intra, blas, null, false));
                else for (WaitPolicy p : WaitPolicy.values()) grid.add(new ThreadSetting(side, intra, blas, p, false));
            }
        }
        return grid;
    }

    /**
     * The part of {@link #searchGrid} that can win on an otherwise idle machine, which {@code make bench} searches
     * (TrainBench {@code --full-search} runs the whole grid). Dropped, each from a measurement at the bench config on
     * the 2-core EPYC (the first fair table, ms per step, attention / MLP):
     * <ul>
     *   <li>one intra-op thread for DJL: 4,549 / 6,134 against 2,512 / 3,386 at 2 threads (the pool is the only
     *       way DJL's libtorch uses a second core);
     *   <li>PyTorch at 1 intra-op thread and 1 OpenBLAS thread: that is the one-core setting, 3,941 / 5,276 against
     *       2,764 / 4,308 with OpenBLAS's own 2 threads;
     *   <li>PyTorch at {@code cores} intra-op threads and {@code cores} OpenBLAS threads: both pools on both cores,
     *       5,928 / 6,306, 2.1× / 1.5× its best.
     * </ul>
     * What stays: DJL at {@code cores} threads and PyTorch at {@code cores} intra-op threads with one OpenBLAS thread,
     * each under both wait policies (which one wins depends on the load), and PyTorch at 1 intra-op thread with
     * OpenBLAS's own {@code cores}. On one core there is nothing to search: the one-core setting.
     */
    public static List<ThreadSetting> candidates(String side, int cores) {
        if (cores < 2) return List.of(new ThreadSetting(side, 1, 1, null, false));
        List<ThreadSetting> out = new ArrayList<>();
        if ("pytorch".equals(side)) out.add(new ThreadSetting(side, 1, cores, null, false));
        for (WaitPolicy p : WaitPolicy.values())
            out.add(new ThreadSetting(side, cores, "pytorch".equals(side) ? 1 : cores, p, false));
        return out;
    }

    /** The environment the child starts with (added to the parent's). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", "" + intraOp);
        env.put("MKL_NUM_THREADS", "" + intraOp);
        env.put("OPENBLAS_NUM_THREADS", "" + blas);
        if (waitPolicy != null) env.put("OMP_WAIT_POLICY", waitPolicy.name());
        return env;
    }

    /** DJL's system properties (the last -D of a name wins, so these go after any the parent passes on). */
    public List<String> jvmOptions() {
        return List.of("-Dai.djl.pytorch.num_threads=" + intraOp, "-Dai.djl.pytorch.num_interop_threads=1");
    }

    /** What goes before the command: {@code taskset -c 0} when pinned. */
    public List<String> launcher() {
        return pinned ? List.of("taskset", "-c", "0") : List.of();
    }

    /** Short words for tables: "intra 2, OpenBLAS 1, OMP_WAIT_POLICY=PASSIVE". */
    public String label() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "intra-op %d, inter-op 1", intraOp));
        if ("pytorch".equals(side)) s.append(", OpenBLAS ").append(blas);
        if (waitPolicy != null) s.append(", OMP_WAIT_POLICY=").append(waitPolicy);
        if (pinned) s.append(", taskset -c 0");
        return s.toString();
    }
}
