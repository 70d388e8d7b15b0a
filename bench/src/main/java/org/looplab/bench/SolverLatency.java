package org.looplab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.looplab.data.Sudoku;
import org.looplab.serve.LoadedSolver;
import org.looplab.serve.SolveOptions;
import org.looplab.serve.SolverService;
import org.looplab.serve.SudokuAnswer;

/**
 * What one puzzle costs through the warm solver service ({@code looplab solve}'s path: {@link SolverService}, its one
 * inference thread, the classical check): wall time per call one at a time (p50, p99), the same puzzles all in flight
 * at once (puzzles/s, the way {@code looplab solve} reads a file), and VmRSS before and after the one-at-a-time calls,
 * to show the service holds no memory per call. Timed by the caller, around the request and its answer.
 */
public final class SolverLatency {
    private SolverLatency() {}

    /** How the model runs a request: every one of its N_sup steps, or its halting rule at the default threshold. */
    public enum Mode {
        /**
         * max_steps N_sup at halt_threshold 1: a TRM puzzle stops early only where sigmoid(q_halt) rounds to 1 in
         * float32 (q_halt above ~17); the table's mean steps shows whether any did. An HRM halts by q_halt >
         * q_continue whatever the threshold.
         */
        ALL_STEPS,
        /** the service's default: halt at sigmoid(q_halt) >= 0.5, at most N_sup steps */
        ADAPTIVE;

        SolveOptions options(LoadedSolver s) {
            return this == ALL_STEPS ? new SolveOptions(s.supervisionSteps(), 1.0, false) : SolveOptions.defaults();
        }

        String label(LoadedSolver s) {
            return this == ALL_STEPS ? "all " + s.supervisionSteps() + " steps" : "adaptive (halt ≥ 0.5)";
        }
    }

    /**
     * One checkpoint under one mode.
     *
     * @param calls        one-at-a-time calls timed
     * @param msSorted     their wall times, ascending
     * @param meanSteps    mean supervision steps over those calls
     * @param verified     share of those answers the checker accepted
     * @param rssBeforeMb  VmRSS after the warm-up, before the timed calls
     * @param rssAfterMb   VmRSS after them
     * @param batched      puzzles sent all at once for the throughput (0: not measured)
     * @param batchedPerSecond puzzles/s of those
     */
    public record Row(
            String checkpoint,
            String size,
            String mode,
            int calls,
            double[] msSorted,
            double meanSteps,
            double verified,
            double rssBeforeMb,
            double rssAfterMb,
            int batched,
            double batchedPerSecond) {
        public double p50() {
            return SolverBenchmark.percentile(msSorted, 0.50);
        }

        public double p99() {
            return SolverBenchmark.percentile(msSorted, 0.99);
        }

        /** VmRSS growth over the timed calls, MB per 1,000 calls. */
        public double rssGrowthPerThousandCalls() {
            return (rssAfterMb - rssBeforeMb) / calls * 1000;
        }
    }

    /**
     * @param puzzles per checkpoint, the puzzles of its size (the first {@code calls} are timed one at a time, all of
     *                them at once for the throughput)
     * @param warmup  one-at-a-time calls before the clock starts (allocation, kernel choice)
     */
    public static Row measure(
            SolverService service, LoadedSolver s, Mode mode, List<Sudoku> puzzles, int calls, int warmup) {
        if (calls < 1 || calls > puzzles.size())
            throw new IllegalArgumentException("calls must be in 1.." + puzzles.size() + ", was " + calls);
        SolveOptions options = mode.options(s);
        for (int i = 0; i < warmup; i++)
            SolverService.await(service.solveSudoku(puzzles.get(i % puzzles.size()), options));
        double rssBefore = StepBenchmark.statusMb("VmRSS");
        double[] ms = new double[calls];
        long steps = 0;
        int verified = 0;
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            SudokuAnswer a = SolverService.await(service.solveSudoku(puzzles.get(i), options));
            ms[i] = (System.nanoTime() - t0) / 1e6;
            steps += a.stepsUsed();
            if (a.verified()) verified++;
        }
        double rssAfter = StepBenchmark.statusMb("VmRSS");
        Arrays.sort(ms);
        long t0 = System.nanoTime();
        List<CompletableFuture<SudokuAnswer>> inFlight = new ArrayList<>();
        for (Sudoku p : puzzles) inFlight.add(service.solveSudoku(p, options));
        inFlight.forEach(SolverService::await);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Row(
                s.name(),
                s.label(),
                mode.label(s),
                calls,
                ms,
                steps / (double) calls,
                verified / (double) calls,
                rssBefore,
                rssAfter,
                puzzles.size(),
                puzzles.size() / seconds);
    }

    /** One line per row: latency one at a time, throughput all at once, VmRSS across the timed calls. */
    public static String table(List<Row> rows) {
        String head = "%-24s  %-11s  %-22s  %6s  %8s  %8s  %6s  %8s  %17s  %7s  %10s%n";
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                head,
                "checkpoint",
                "size",
                "mode",
                "calls",
                "p50 ms",
                "p99 ms",
                "steps",
                "verified",
                "VmRSS MB bef→aft",
                "batched",
                "puzzles/s"));
        for (Row r : rows)
            out.append(String.format(
                    Locale.ROOT,
                    head,
                    r.checkpoint(),
                    r.size(),
                    r.mode(),
                    r.calls(),
                    String.format(Locale.ROOT, "%.1f", r.p50()),
                    String.format(Locale.ROOT, "%.1f", r.p99()),
                    String.format(Locale.ROOT, "%.1f", r.meanSteps()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * r.verified()),
                    String.format(Locale.ROOT, "%.0f→%.0f", r.rssBeforeMb(), r.rssAfterMb()),
                    r.batched(),
                    String.format(Locale.ROOT, "%.1f", r.batchedPerSecond())));
        return out.toString();
    }
}
