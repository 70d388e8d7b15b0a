package org.looplab.bench;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.looplab.data.PuzzleKind;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.serve.InferenceQueue;
import org.looplab.serve.LoadedSolver;
import org.looplab.serve.SolverCheckpoints;
import org.looplab.serve.SolverService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make bench-latency}: per shipped Sudoku checkpoint (4×4, 6×6, 9×9), one puzzle's wall time through the warm
 * solver service at all N_sup steps and under adaptive halting (p50, p99), puzzles/s with all of them in flight, and
 * VmRSS before and after the timed calls ({@link SolverLatency}). One service holds every checkpoint, as {@code
 * looplab solve --checkpoint ... --checkpoint ...} does.
 */
@Command(
        name = "LatencyBench",
        mixinStandardHelpOptions = true,
        description = "Solver latency (p50/p99 per puzzle) and batched throughput through the warm service.")
public final class LatencyBench implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            paramLabel = "NAME",
            split = ",",
            defaultValue = "trm-mlp-sudoku4,trm-mlp-sudoku6,trm-mlp-sudoku9-mixed",
            description = "checkpoint names under DATA/checkpoints; an untrained stand-in where one is absent"
                    + " (named untrained-...) (default ${DEFAULT-VALUE})")
    List<String> checkpoints;

    @Option(
            names = "--data",
            defaultValue = "data",
            description = "where the shipped checkpoints live (default ${DEFAULT-VALUE})")
    Path data;

    @Option(
            names = "--calls",
            defaultValue = "200",
            description = "puzzles timed one at a time per checkpoint and mode (default ${DEFAULT-VALUE})")
    int calls;

    @Option(
            names = "--batched",
            defaultValue = "256",
            description = "puzzles sent all at once for puzzles/s (at least --calls) (default ${DEFAULT-VALUE})")
    int batched;

    @Option(
            names = "--warmup",
            defaultValue = "8",
            description = "untimed calls first, per checkpoint and mode (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--window-ms",
            defaultValue = "3",
            description = "the inference queue's batching window, waited only when company is queued (default"
                    + " ${DEFAULT-VALUE}, the service's)")
    double windowMs;

    @Option(
            names = "--lone-threads",
            split = ",",
            defaultValue = "1,0",
            description = "libtorch intra-op threads for a lone puzzle, one service per value in this run: 1 is the"
                    + " service's (InferenceQueue), 0 keeps the process's setting for every batch"
                    + " (default ${DEFAULT-VALUE})")
    List<Integer> loneThreads;

    @Option(names = "--seed", defaultValue = "1", description = "puzzle generator seed (default ${DEFAULT-VALUE})")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LatencyBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || warmup < 0)
            throw new IllegalArgumentException("need --calls >= 1 and --warmup >= 0, were " + calls + ", " + warmup);
        Path scratch = Files.createTempDirectory("looplab-latency");
        List<Path> folders = new ArrayList<>();
        for (String name : checkpoints)
            folders.add(
                    SolverCheckpoints.shippedOrUntrained(name, data, scratch).folder());
        System.out.println("machine: " + BenchMachine.describe());
        for (int lone : loneThreads) measure(folders, lone);
        return 0;
    }

    /** One service, one lone-puzzle thread setting: every Sudoku checkpoint, both modes, and the table. */
    private void measure(List<Path> folders, int lone) {
        double rssStart = StepBenchmark.statusMb("VmRSS");
        try (SolverService service = SolverService.load(folders, new InferenceQueue(windowMs, 64, lone))) {
            System.out.printf(
                    Locale.ROOT,
                    "%nthreads: one inference thread (InferenceQueue: window %s ms when company is queued, batches up"
                            + " to 64, a lone puzzle on %s), libtorch intra-op %d, inter-op %d; VmRSS %.0f MB"
                            + " before loading, %.0f MB with %d checkpoints loaded%n",
                    windowMs,
                    lone == 0 ? "the same threads" : lone + " intra-op thread" + (lone == 1 ? "" : "s"),
                    JniUtils.getNumThreads(),
                    JniUtils.getNumInteropThreads(),
                    rssStart,
                    StepBenchmark.statusMb("VmRSS"),
                    folders.size());
            List<SolverLatency.Row> rows = new ArrayList<>();
            for (LoadedSolver s : service.solvers()) {
                if (s.kind() != PuzzleKind.SUDOKU) continue;
                List<Sudoku> puzzles = puzzles(s.side(), Math.max(calls, batched));
                for (SolverLatency.Mode mode : SolverLatency.Mode.values()) {
                    SolverLatency.Row r = SolverLatency.measure(service, s, mode, puzzles, calls, warmup);
                    System.out.printf(
                            Locale.ROOT,
                            "  %s, %s: p50 %.1f ms, p99 %.1f ms, %.1f steps, %.0f puzzles/s batched%n",
                            r.checkpoint(),
                            r.mode(),
                            r.p50(),
                            r.p99(),
                            r.meanSteps(),
                            r.batchedPerSecond());
                    rows.add(r);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nOne puzzle at a time through the warm service (request to checked answer), %d calls after %d"
                            + " warm-up; then %d puzzles all in flight; VmRSS before and after the timed calls;"
                            + " peak RSS %.0f MB%n",
                    calls,
                    warmup,
                    Math.max(calls, batched),
                    StepBenchmark.statusMb("VmHWM"));
            System.out.print(SolverLatency.table(rows));
        }
    }

    /** Seeded minimal puzzles of one size: every run sees the same ones. */
    private List<Sudoku> puzzles(int side, int count) {
        SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(side));
        List<Sudoku> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(gen.generate(seed, i).puzzle());
        return out;
    }
}
