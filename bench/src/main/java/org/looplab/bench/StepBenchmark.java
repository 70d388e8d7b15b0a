package org.looplab.bench;

import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.looplab.data.PuzzleDataSet;
import org.looplab.model.BatchInference;
import org.looplab.model.HaltingRule;
import org.looplab.model.Mixer;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.RuntimeFacts;
import org.looplab.train.DeepSupervisionTrainer;
import org.looplab.train.MatmulProbe;
import org.looplab.train.StepProbe;
import org.looplab.train.TimingPlan;
import org.looplab.train.TrainingRun;

/**
 * The DJL side of {@code make bench}: times {@link DeepSupervisionTrainer#step()} for a TRM of a
 * {@link StepBenchConfig} on random Sudoku-sized inputs (speed does not depend on the values) with the cpu recipe,
 * and reads the process's memory.
 * {@code bench/trm_step.py} is the same step in plain PyTorch; both report a {@link StepReport}.
 */
public final class StepBenchmark {
    /** The benchmark's fixed config: 9×9 Sudoku (vocab 11, 81 cells, one puzzle id). */
    public static final TaskShape TASK = TaskShape.sudoku9();

    static final int[] MATMUL_SIZES = {512, 1024, 2048};

    private StepBenchmark() {}

    /**
     * Runs {@code warmup + steps} training steps in this process and reports the median of the last {@code steps}
     * with their fastest and slowest. Progress (every 50 steps) goes to stderr, so a child's stdout holds only its
     * report.
     *
     * @param rssAt   read VmRSS after this many steps (warm-up included; capped at the total)
     * @param matmul  also measure the matmul ceiling first (a few seconds)
     */
    public static StepReport run(
            StepBenchConfig bench, Mixer mixer, int batch, int warmup, int steps, int rssAt, boolean matmul) {
        return run(bench.shape(), mixer, batch, warmup, steps, rssAt, matmul);
    }

    /** {@link #run(StepShape, Mixer, int, TimingPlan, int, boolean)} at one of the named configs. */
    public static StepReport run(
            StepBenchConfig bench, Mixer mixer, int batch, TimingPlan plan, int rssAt, boolean matmul) {
        return run(bench.shape(), mixer, batch, plan, rssAt, matmul);
    }

    /** {@link #run(StepShape, Mixer, int, TimingPlan, int, boolean)} by step counts alone. */
    public static StepReport run(
            StepShape bench, Mixer mixer, int batch, int warmup, int steps, int rssAt, boolean matmul) {
        return run(bench, mixer, batch, TimingPlan.steps(warmup, steps), rssAt, matmul);
    }

    /**
     * {@link #run(StepBenchConfig, Mixer, int, int, int, int, boolean)} at any size ({@code make bench-scaling}) and
     * on any {@link TimingPlan}: the median of the measured steps with their fastest and slowest.
     *
     * @param rssAt read VmRSS after this many steps, warm-up included (at the last step if the run is shorter)
     */
    public static StepReport run(StepShape bench, Mixer mixer, int batch, TimingPlan plan, int rssAt, boolean matmul) {
        double ceiling = matmul ? MatmulProbe.bestGflops(MatmulProbe.measure(MATMUL_SIZES, 5)) : 0;
        TrmConfig cfg = bench.trm(mixer);
        PuzzleDataSet data = randomPuzzles(256, bench.task());
        int scheduled = plan.warmupSteps() + plan.steps() + 2 * TimingPlan.MAX_TIMED_STEPS;
        try (ReasoningModel model = cfg.build(TrainingRun.taskOf(data), 0);
                var trainer = trainer(model, data, batch, scheduled)) {
            return timed(
                    model,
                    mixer,
                    batch,
                    plan,
                    rssAt,
                    ceiling,
                    () -> trainer.step().loss());
        }
    }

    /**
     * The evaluation's forward on {@code plan}: each timed unit is one batch of {@code batch} random puzzles through
     * all N_sup supervision steps without gradient ({@link BatchInference}, every step's answer and halt signals
     * copied back, as {@code looplab eval} runs them at a fixed N_sup). {@code bench/trm_step.py --forward} times the
     * same. The report's ms are per batch; its losses are 0.
     */
    public static StepReport forward(
            StepShape bench, Mixer mixer, int batch, TimingPlan plan, int rssAt, boolean matmul) {
        double ceiling = matmul ? MatmulProbe.bestGflops(MatmulProbe.measure(MATMUL_SIZES, 5)) : 0;
        PuzzleDataSet data = randomPuzzles(256, bench.task());
        int cells = bench.task().gridCells();
        try (ReasoningModel model = bench.trm(mixer).build(TrainingRun.taskOf(data), 0)) {
            HaltingRule allSteps = new HaltingRule.FixedSteps(model.config().supervisionSteps());
            long[] ids = new long[batch];
            int[] next = {0};
            return timed(model, mixer, batch, plan, rssAt, ceiling, () -> {
                long[][] tokens = new long[batch][cells];
                for (int b = 0; b < batch; b++, next[0] = (next[0] + 1) % data.count()) {
                    byte[] row = data.input(next[0]);
                    for (int c = 0; c < cells; c++) tokens[b][c] = row[c];
                }
                BatchInference.run(model, tokens, ids, allSteps, BatchInference.Keep.EXIT_ANSWER);
                return 0;
            });
        }
    }

    /** Runs {@code unit} on {@code plan}'s two phases and reports the measured ones (ms each, median, extremes). */
    private static StepReport timed(
            ReasoningModel model,
            Mixer mixer,
            int batch,
            TimingPlan plan,
            int rssAt,
            double ceiling,
            DoubleSupplier unit) {
        double[] rss = {0, 0, 0}; // step read at, VmRSS, VmHWM
        TimingPlan.Timed t = plan.run(unit, done -> {
            if (done == rssAt) {
                rss[0] = done;
                rss[1] = statusMb("VmRSS");
                rss[2] = statusMb("VmHWM");
            }
            if (done % 50 == 0)
                System.err.printf(Locale.ROOT, "djl %s: unit %d, %s%n", mixer, done, MemoryBreakdown.now());
        });
        if (rss[0] == 0) { // a run shorter than rssAt reads it at its end
            rss[0] = t.warmup() + t.ms().length;
            rss[1] = statusMb("VmRSS");
            rss[2] = statusMb("VmHWM");
        }
        RuntimeFacts facts = RuntimeFacts.current();
        double[] sorted = t.ms().clone();
        Arrays.sort(sorted);
        return new StepReport(
                "djl",
                mixer,
                batch,
                t.warmup(),
                sorted.length,
                model.parameterCount(),
                t.medianMs(),
                sorted[0],
                sorted[sorted.length - 1],
                t.first(),
                t.last(),
                (int) rss[0],
                rss[1],
                rss[2],
                statusMb("VmRSS"),
                statusMb("VmHWM"),
                JniUtils.getNumThreads(),
                ceiling,
                "DJL " + facts.djl() + ", " + facts.engine() + ", java " + facts.java(),
                t.fromNs(),
                t.toNs());
    }

    /**
     * Runs at least {@code warmup} unmeasured steps and {@code warmupSeconds} seconds (then one more), then {@code
     * steps} under libtorch's profiler, whose Chrome trace goes to
     * {@code trace}, then {@code steps} more recording input shapes ({@code trace}'s name with {@code -shapes}); returns
     * the self time per op of the first pass, with the wall and thread CPU time of its steps, sized by the second.
     */
    public static OpProfile profile(
            StepBenchConfig bench, Mixer mixer, int batch, int warmup, double warmupSeconds, int steps, Path trace) {
        PuzzleDataSet data = randomPuzzles(256, bench.task());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // The warm-up phase of a TimingPlan (and one more unprofiled step): at small configs a count of steps alone
        // ends inside the JIT's first seconds, whose compiling would land in the ops' times.
        TimingPlan warm = new TimingPlan(warmup, warmupSeconds, 1, 0);
        try (ReasoningModel model = bench.trm(mixer).build(TrainingRun.taskOf(data), 0);
                var trainer = trainer(model, data, batch, warmup + TimingPlan.MAX_TIMED_STEPS + 1 + 2 * steps)) {
            warm.run(() -> trainer.step().loss(), done -> {});
            JniUtils.startProfile(false, false, false); // the timed pass: no shapes (see OpProfile.sizedBy)
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            for (int s = 0; s < steps; s++) trainer.step();
            double wallMs = (System.nanoTime() - t0) / 1e6;
            double cpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            JniUtils.stopProfile(trace.toString());
            Path shapes = trace.resolveSibling(trace.getFileName().toString().replace(".json", "-shapes.json"));
            JniUtils.startProfile(false, true, false); // the same steps again, for the ops' input shapes only
            long t1 = System.nanoTime();
            for (int s = 0; s < steps; s++) trainer.step();
            double shapesWallMs = (System.nanoTime() - t1) / 1e6;
            JniUtils.stopProfile(shapes.toString());
            return OpTrace.read(trace, steps, wallMs).withCpu(cpuMs).sizedBy(OpTrace.read(shapes, steps, shapesWallMs));
        }
    }

    /** The cpu recipe at {@code batch}, no augmentation (speed does not depend on the values). */
    private static DeepSupervisionTrainer trainer(ReasoningModel model, PuzzleDataSet data, int batch, int total) {
        return StepProbe.trainer(model, data, batch, total);
    }

    /** The small TRM of the benchmark's fixed config (hidden 128, 2 layers, n 6, T 3) with the given mixer. */
    public static TrmConfig config(Mixer mixer) {
        return StepBenchConfig.BENCH.trm(mixer);
    }

    /**
     * Matmul FLOPs of one supervision step: T(n+1) forward net calls, and 2× that for the n+1 back-propagated.
     * The heads and the elementwise work are left out, so the rate it gives is a lower bound.
     */
    public static double stepFlops(TrmConfig c, int batch, int seq) {
        return StepProbe.matmulFlops(c, batch, seq);
    }

    /** {@link #stepFlops(TrmConfig, int, int)} at the bench's task: prefix + 81 positions. */
    public static double stepFlops(TrmConfig c, int batch) {
        return stepFlops(c, batch, TASK.sequenceLength(c.prefixLength()));
    }

    /** {@link #stepFlops(TrmConfig, int, int)} of {@code bench}'s model with {@code mixer}. */
    public static double stepFlops(StepBenchConfig bench, Mixer mixer, int batch) {
        return stepFlops(bench.shape(), mixer, batch);
    }

    /** {@link #stepFlops(TrmConfig, int, int)} of a model of {@code shape} with {@code mixer}. */
    public static double stepFlops(StepShape shape, Mixer mixer, int batch) {
        return stepFlops(shape.trm(mixer), batch, shape.sequenceLength());
    }

    /**
     * Matmul FLOPs of {@link #forward}'s unit: N_sup supervision steps of T(n+1) forward net calls each, no backward
     * (the training step's {@link #stepFlops} counts T(n+1) + 2(n+1) net calls per supervision step).
     */
    public static double forwardFlops(StepShape shape, Mixer mixer, int batch) {
        TrmConfig c = shape.trm(mixer);
        double forwardCalls = c.recursions() * (c.latentSteps() + 1);
        double perCall = stepFlops(shape, mixer, batch) / (forwardCalls + 2 * (c.latentSteps() + 1));
        return c.supervisionSteps() * forwardCalls * perCall;
    }

    /** Valid-vocabulary tokens: labels are digits, a third of the inputs show theirs, the rest are blank. */
    static PuzzleDataSet randomPuzzles(int count, TaskShape task) {
        return StepProbe.randomPuzzles(count, task);
    }

    /** A /proc/self/status field in MB (0 where there is no /proc). */
    static double statusMb(String field) {
        Path p = Path.of("/proc/self/status");
        if (!Files.exists(p)) return 0;
        try {
            for (String line : Files.readAllLines(p))
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
        return 0;
    }
}
