package org.looplab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.looplab.model.Mixer;
import org.looplab.train.TimingPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code make bench-scaling}: the TRM training step of both mixers, DJL against {@code bench/trm_step.py}, at every
 * width of {@code --sizes} on the lab's shapes ({@link ScalingCase#LAB}), in the two fair settings of {@code make
 * bench} ({@link ThreadSetting}): one core each with every pool at one thread, and all cores with each side at the
 * best setting of a short search per row. Each measurement is a child process of {@link TrainBench#run}, so every
 * peak RSS is its own run's. Prints the {@link ScalingTable} per setting with how the step grows with width and batch.
 */
@Command(
        name = "ScalingBench",
        mixinStandardHelpOptions = true,
        description = "TRM training step across widths and the lab's shapes, DJL against PyTorch.")
public final class ScalingBench implements Callable<Integer> {
    /** The two fair settings of {@code make bench}. */
    enum Setting {
        ONE_CORE,
        ALL_CORES
    }

    @Option(
            names = "--sizes",
            split = ",",
            defaultValue = "32,64,128,256,512",
            description = "widths (default ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(
            names = "--cases",
            split = ",",
            defaultValue = "sudoku6-n1-T1-b32,sudoku9-n2-T2-b32,sudoku9-n2-T2-b64,sudoku9-n1-T1-b64,sudoku9-n6-T3-b64",
            description = "task, n, T and batch of each row family (default ${DEFAULT-VALUE})")
    List<String> cases;

    @Option(names = "--mixers", split = ",", defaultValue = "ATTENTION,MLP", description = "default ${DEFAULT-VALUE}")
    List<Mixer> mixers;

    @Option(
            names = "--settings",
            split = ",",
            defaultValue = "ONE_CORE,ALL_CORES",
            description = "ONE_CORE, ALL_CORES or both (default ${DEFAULT-VALUE})")
    List<Setting> settings;

    @Option(names = "--warmup", defaultValue = "1", description = "unmeasured steps (default ${DEFAULT-VALUE})")
    int warmup;

    @Mixin
    TimingSeconds seconds = new TimingSeconds();

    @Option(names = "--steps", defaultValue = "3", description = "measured steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(
            names = "--search-steps",
            defaultValue = "1",
            description = "measured steps per candidate setting in the all-cores search, after 1 warm-up step"
                    + " (default ${DEFAULT-VALUE})")
    int searchSteps;

    @Option(
            names = "--forward",
            description = "time the evaluation's forward instead of the training step: a batch of puzzles through all"
                    + " N_sup supervision steps without gradient, ms per batch (StepBenchmark.forward,"
                    + " trm_step.py --forward)")
    boolean forward;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "default ${DEFAULT-VALUE}")
    Path python;

    @Option(names = "--script", defaultValue = "bench/trm_step.py", description = "default ${DEFAULT-VALUE}")
    Path script;

    @Option(names = "--child", hidden = true, description = "run one DJL measurement here and print its report line")
    boolean child;

    @Option(names = "--side", hidden = true, defaultValue = "9", description = "child: Sudoku side")
    int side;

    @Option(names = "--hidden", hidden = true, defaultValue = "128", description = "child: width")
    int hidden;

    @Option(names = "--latent-steps", hidden = true, defaultValue = "6", description = "child: n")
    int latentSteps;

    @Option(names = "--recursions", hidden = true, defaultValue = "3", description = "child: T")
    int recursions;

    @Option(names = "--batch", hidden = true, defaultValue = "64", description = "child: batch")
    int batch;

    @Option(names = "--no-matmul", hidden = true, description = "child: skip the matmul ceiling")
    boolean noMatmul;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScalingBench())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() {
        TimingPlan plan = plan(); // a bad count or seconds fails here, naming all four
        if (searchSteps < 1) throw new IllegalArgumentException("need --search-steps >= 1, was " + searchSteps);
        if (child) {
            if (mixers.size() != 1) throw new IllegalArgumentException("--child takes one mixer, was " + mixers);
            StepShape shape = new StepShape(side, hidden, latentSteps, recursions);
            System.out.println((forward
                            ? StepBenchmark.forward(shape, mixers.get(0), batch, plan, warmup + steps, !noMatmul)
                            : StepBenchmark.run(shape, mixers.get(0), batch, plan, warmup + steps, !noMatmul))
                    .toJsonLine());
            return 0;
        }
        List<ScalingCase> parsed = cases.stream().map(ScalingCase::parse).toList();
        for (ScalingCase c : parsed) for (int h : sizes) c.at(h); // a bad width fails before any run, naming it
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("machine: " + BenchMachine.describe());
        String torch = TrainBench.pytorchProblem(python, script);
        System.out.println(
                torch == null
                        ? "pytorch: " + python + " " + script
                        : "pytorch: not installed (" + torch
                                + "); DJL only. `make bench-scaling` installs python3-torch.");
        List<String> sides = torch == null ? List.of("djl", "pytorch") : List.of("djl");
        System.out.printf(
                Locale.ROOT,
                "timing: %s; widths %s, cases %s, mixers %s, %s per run (median ms)%n",
                unit(),
                sizes,
                parsed.stream().map(ScalingCase::name).toList(),
                mixers,
                plan.describe());
        StringBuilder tables = new StringBuilder();
        for (Setting s : settings) {
            System.out.printf(Locale.ROOT, "%n[%s]%n", describe(s, cores));
            List<ScalingTable.Row> rows = new ArrayList<>();
            Map<String, Double> ceiling = new LinkedHashMap<>(); // per side: the first run of the table measures it
            for (ScalingCase c : parsed)
                for (int h : sizes)
                    for (Mixer m : mixers) {
                        System.out.printf(Locale.ROOT, "  %s, hidden %d, %s%n", c.label(), h, m);
                        Map<String, StepReport> bySide = new LinkedHashMap<>();
                        for (String side : sides) {
                            ThreadSetting t =
                                    s == Setting.ONE_CORE ? ThreadSetting.oneCore(side) : best(side, c, h, m, cores);
                            boolean matmul = !ceiling.containsKey(side);
                            StepReport r =
                                    TrainBench.announce(TrainBench.run(command(t, c, h, m, warmup, steps, matmul), t));
                            if (matmul) ceiling.put(side, r.matmulGflops());
                            bySide.put(side, r);
                        }
                        rows.add(new ScalingTable.Row(
                                c,
                                h,
                                bySide.get("djl"),
                                bySide.get("pytorch"),
                                forward
                                        ? StepBenchmark.forwardFlops(c.at(h), m, c.batch())
                                        : StepBenchmark.stepFlops(c.at(h), m, c.batch()),
                                0));
                    }
            double best = ceiling.values().stream().mapToDouble(v -> v).max().orElse(0);
            rows.replaceAll(r -> r.withCeiling(best));
            tables.append(String.format(
                    Locale.ROOT,
                    "%n%s; %s; %s per run; matmul ceiling %.1f GFLOP/s (the best float32 n³"
                            + " rate, n = 512, 1024, 2048, of %s, measured in each side's first run)%n",
                    describe(s, cores),
                    unit(),
                    plan.describe(),
                    best,
                    ceiling.keySet()));
            tables.append(ScalingTable.table(rows));
            String widths = ScalingTable.widthGrowth(rows);
            if (!widths.isEmpty())
                tables.append(String.format(
                        Locale.ROOT,
                        "Growth with width (time ratio to the next width; FLOPs count matmuls only):%n%s",
                        widths));
            String batches = ScalingTable.batchGrowth(rows);
            if (!batches.isEmpty())
                tables.append(String.format(Locale.ROOT, "Growth with batch (same model):%n%s", batches));
        }
        System.out.println();
        System.out.print(tables);
        return 0;
    }

    /** What one timed unit is: the table's ms are per training step or per batch of evaluation. */
    private String unit() {
        return forward
                ? "the evaluation's forward: ms per batch through all N_sup supervision steps without gradient"
                : "the training step: ms per step";
    }

    private TimingPlan plan() {
        return seconds.plan(warmup, steps);
    }

    private static String describe(Setting s, int cores) {
        return s == Setting.ONE_CORE
                ? "One core each (taskset -c 0; OMP/MKL/OPENBLAS_NUM_THREADS=1; DJL num_threads 1, interop 1;"
                        + " torch set_num_threads(1), set_num_interop_threads(1))"
                : "All " + cores + " cores, each side at the best of ThreadSetting.candidates for each row";
    }

    /** The fastest of {@link ThreadSetting#candidates} for one side and row: short runs without the matmul probe. */
    private ThreadSetting best(String side, ScalingCase c, int h, Mixer m, int cores) {
        ThreadSetting best = null;
        double bestMs = Double.POSITIVE_INFINITY;
        for (ThreadSetting t : ThreadSetting.candidates(side, cores)) {
            StepReport r = TrainBench.run(command(t, c, h, m, 1, searchSteps, false), t);
            System.out.printf(
                    Locale.ROOT,
                    "  search %-7s %-9s %s hidden %d, %-60s %6.0f ms%n",
                    side,
                    m,
                    c.label(),
                    h,
                    t.label(),
                    r.medianMs());
            if (r.medianMs() < bestMs) {
                bestMs = r.medianMs();
                best = t;
            }
        }
        return best;
    }

    /** One child's command: this class's {@code --child} for DJL, {@code trm_step.py} at the row's size for PyTorch. */
    private List<String> command(
            ThreadSetting t, ScalingCase c, int h, Mixer m, int warm, int measured, boolean matmul) {
        StepShape shape = c.at(h);
        if (t.side().equals("pytorch")) {
            List<String> cmd =
                    TrainBench.pytorchCommand(python, script, m, c.batch(), warm, measured, warm + measured, matmul, t);
            cmd.addAll(shape.scriptArguments());
            cmd.addAll(seconds.arguments());
            if (forward) cmd.add("--forward");
            return cmd;
        }
        List<String> cmd = TrainBench.jvmChild(ScalingBench.class, t);
        cmd.addAll(List.of(
                "--child",
                "--mixers",
                m.name(),
                "--side",
                "" + shape.side(),
                "--hidden",
                "" + shape.hidden(),
                "--latent-steps",
                "" + shape.latentSteps(),
                "--recursions",
                "" + shape.recursions(),
                "--batch",
                "" + c.batch(),
                "--warmup",
                "" + warm,
                "--steps",
                "" + measured));
        cmd.addAll(seconds.arguments());
        if (!matmul) cmd.add("--no-matmul");
        if (forward) cmd.add("--forward");
        return cmd;
    }
}
