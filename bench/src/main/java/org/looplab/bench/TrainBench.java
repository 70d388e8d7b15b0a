package org.looplab.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.looplab.model.Mixer;
import org.looplab.train.MatmulProbe;
import org.looplab.train.TimingPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -cp 'lib/target/notebook-classpath/*:bench/target/looplab-bench.jar' org.looplab.bench.TrainBench} ({@code make bench}): the TRM
 * training step of TRM-Att and TRM-MLP at the benchmark's fixed config (9×9, hidden 128, n 6, T 3, batch 64) against the
 * same step in PyTorch ({@code bench/trm_step.py} on {@code /usr/bin/python3}, when it can import torch) and against
 * the best float32 matmul rate either library reaches on this CPU, then whether VmRSS stays flat over many steps.
 *
 * <p>Every measurement runs in a fresh child process (a JVM for DJL, Python for PyTorch) that prints one
 * {@link StepReport} line, so each peak RSS is that run's own and no run inherits another's heap.
 */
@Command(
        name = "TrainBench",
        mixinStandardHelpOptions = true,
        description = "TRM training-step speed and memory, DJL against PyTorch and the matmul ceiling.")
public final class TrainBench implements Callable<Integer> {
    @Option(names = "--mixers", split = ",", defaultValue = "ATTENTION,MLP", description = "default ${DEFAULT-VALUE}")
    List<Mixer> mixers;

    @Option(
            names = "--config",
            defaultValue = "BENCH",
            description = "the timed and profiled TRM: BENCH (9×9, hidden 128, n 6, T 3), SMALL (6×6, hidden 64,"
                    + " n 1, T 1), SMALL32 (the same at hidden 32) or LAB9 (9×9, hidden 64, n 1, T 1: the shipped 9×9 checkpoint's size); the PyTorch"
                    + " side builds the same (default ${DEFAULT-VALUE})")
    StepBenchConfig config;

    @Option(
            names = "--memory-config",
            defaultValue = "SMALL",
            description = "the memory check's TRM (default ${DEFAULT-VALUE}: 1,000 steps in minutes)")
    StepBenchConfig memoryConfig;

    @Option(
            names = "--full-search",
            description = "search every thread setting, not only those that can win (ThreadSetting.candidates)")
    boolean fullSearch;

    @Option(names = "--batch", defaultValue = "64", description = "timing batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--warmup", defaultValue = "2", description = "unmeasured steps (default ${DEFAULT-VALUE})")
    int warmup;

    @Mixin
    TimingSeconds seconds = new TimingSeconds();

    @Option(names = "--steps", defaultValue = "8", description = "measured steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(
            names = "--memory-batch",
            defaultValue = "64",
            description = "memory-check batch (default ${DEFAULT-VALUE})")
    int memoryBatch;

    @Option(
            names = "--memory-steps",
            defaultValue = "1000",
            description = "memory-check steps, 0 skips it (default ${DEFAULT-VALUE})")
    int memorySteps;

    @Option(
            names = "--rss-at",
            defaultValue = "300",
            description = "the VmRSS reading after warm-up (default ${DEFAULT-VALUE})")
    int rssAt;

    @Option(names = "--pytorch-memory", description = "also run the memory check for PyTorch")
    boolean pytorchMemory;

    @Option(
            names = "--search-steps",
            defaultValue = "2",
            description = "measured steps per setting in the all-cores thread search (default ${DEFAULT-VALUE})")
    int searchSteps;

    @Option(names = "--skip-one-core", description = "leave out the one-core table")
    boolean skipOneCore;

    @Option(names = "--skip-all-cores", description = "leave out the all-cores search and table")
    boolean skipAllCores;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "default ${DEFAULT-VALUE}")
    Path python;

    @Option(names = "--script", defaultValue = "bench/trm_step.py", description = "default ${DEFAULT-VALUE}")
    Path script;

    @Option(
            names = "--profile",
            description = "instead of timing: libtorch's op profile of --steps steps after "
                    + "--warmup, per mixer, in this process (make profile)")
    boolean profile;

    @Option(
            names = "--cpu-split",
            description = "instead of timing: both sides' measured steps on one core under the sampling profiler"
                    + " perf, split by kind of work (BLAS kernels, BLAS packing, libtorch ops, page faults, runtime),"
                    + " with what the speed targets need of each part (make profile-cpu)")
    boolean cpuSplit;

    @Option(
            names = "--all-cores",
            description = "with --cpu-split: every core instead of one, DJL at that many threads (OMP_WAIT_POLICY"
                    + " PASSIVE, so that waiting is not counted as work) and torch at 1 intra-op thread with OpenBLAS's"
                    + " own (the setting that won every all-cores search so far); CPU ms per kind, no bounds")
    boolean allCores;

    @Option(names = "--top", defaultValue = "25", description = "ops listed by --profile (default ${DEFAULT-VALUE})")
    int top;

    @Option(
            names = "--trace-dir",
            defaultValue = "build/profile",
            description = "where --profile writes libtorch's Chrome traces (default ${DEFAULT-VALUE})")
    Path traceDir;

    @Option(names = "--child", hidden = true, description = "run one DJL measurement here and print its report line")
    boolean child;

    @Option(names = "--no-matmul", hidden = true, description = "child: skip the matmul ceiling")
    boolean noMatmul;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainBench())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() {
        if (child) {
            if (mixers.size() != 1) throw new IllegalArgumentException("--child takes one mixer, was " + mixers);
            System.out.println(StepBenchmark.run(config, mixers.get(0), batch, plan(), rssAt, !noMatmul)
                    .toJsonLine());
            return 0;
        }
        if (profile) return profile();
        if (cpuSplit) return cpuSplit();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, load average %s before the bench (other jobs make every "
                        + "timing below slower and noisier)%n",
                cores,
                loadAverage());
        String torch = pytorchProblem(python, script);
        System.out.println(
                torch == null
                        ? "pytorch: " + python + " " + script
                        : "pytorch: not installed (" + torch
                                + "); the Java-only tables follow. `make bench` installs python3-torch with apt.");
        System.out.printf(
                Locale.ROOT,
                "timing: %s, batch %d, %s, median ms per step [fastest–slowest]%n",
                config.describe(),
                batch,
                plan().describe());
        List<String> sides = torch == null ? List.of("djl", "pytorch") : List.of("djl");
        StringBuilder tables = new StringBuilder();
        if (!skipOneCore) {
            System.out.println("\n[one core each] pinned to core 0, every thread pool at 1");
            Map<String, Map<Mixer, ThreadSetting>> pinned = new LinkedHashMap<>();
            for (String side : sides) {
                Map<Mixer, ThreadSetting> each = new LinkedHashMap<>();
                for (Mixer m : mixers) each.put(m, ThreadSetting.oneCore(side));
                pinned.put(side, each);
            }
            tables.append(timingTable(
                    "One core each (taskset -c 0; OMP/MKL/OPENBLAS_NUM_THREADS=1; DJL num_threads 1,"
                            + " interop 1; torch set_num_threads(1), set_num_interop_threads(1))",
                    pinned));
        }
        if (!skipAllCores) {
            System.out.printf(
                    Locale.ROOT,
                    "%n[all cores] search: %d warm-up + %d measured steps per setting, %s%n",
                    1,
                    searchSteps,
                    fullSearch
                            ? "every setting"
                            : "the settings that can win (ThreadSetting.candidates; --full-search for all)");
            Map<String, Map<Mixer, ThreadSetting>> best = new LinkedHashMap<>();
            for (String side : sides) best.put(side, search(side, cores));
            tables.append(
                    timingTable("All " + cores + " cores, each side at its best setting from the search above", best));
        }
        List<StepBenchTable.MemoryRow> memory = new ArrayList<>();
        if (memorySteps > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "%nmemory: %s, batch %d, %d steps, VmRSS after step %d (after warm-up) and at the end, %s%n",
                    memoryConfig.describe(),
                    memoryBatch,
                    memorySteps,
                    rssAt,
                    memoryBatch < 16 ? "one libtorch thread" : "DJL's default threads");
            System.out.println("  memory settings: " + memorySettings());
            for (Mixer m : mixers) {
                List<String> cmd = djlCommand(memoryConfig, m, memoryBatch, 0, memorySteps, rssAt, false, null);
                cmd.addAll(TimingPlan.steps(0, memorySteps).secondsArguments()); // no timed phases: n steps
                memory.add(new StepBenchTable.MemoryRow(announce(run(memoryBatch < 16 ? oneThread(cmd) : cmd, null))));
                // bench/trm_step.py builds the bench config only
                if (pytorchMemory && torch == null && memoryConfig == StepBenchConfig.BENCH)
                    memory.add(new StepBenchTable.MemoryRow(announce(run(
                            pytorchCommand(memoryConfig, m, memoryBatch, 0, memorySteps, rssAt, false, null), null))));
            }
        }
        System.out.println();
        System.out.print(tables);
        if (!memory.isEmpty())
            System.out.print(System.lineSeparator() + "Memory: " + memoryConfig.describe() + ", batch " + memoryBatch
                    + ", " + memorySteps + " steps" + System.lineSeparator() + StepBenchTable.memoryTable(memory));
        return 0;
    }

    /**
     * Every setting of {@link ThreadSetting#searchGrid} for one side and each mixer, short runs without the matmul
     * probe; prints them all and returns the fastest per mixer.
     */
    private Map<Mixer, ThreadSetting> search(String side, int cores) {
        Map<Mixer, ThreadSetting> best = new LinkedHashMap<>();
        Map<Mixer, Double> bestMs = new LinkedHashMap<>();
        for (ThreadSetting t :
                fullSearch ? ThreadSetting.searchGrid(side, cores) : ThreadSetting.candidates(side, cores)) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-7s %-66s", side, t.label()));
            for (Mixer m : mixers) {
                StepReport r = run(command(t, m, batch, 1, searchSteps, 1, false), t);
                line.append(
                        String.format(Locale.ROOT, "  %s %6.0f ms [%.0f–%.0f]", m, r.medianMs(), r.minMs(), r.maxMs()));
                if (r.medianMs() < bestMs.getOrDefault(m, Double.POSITIVE_INFINITY)) {
                    bestMs.put(m, r.medianMs());
                    best.put(m, t);
                }
            }
            System.out.println(line);
        }
        best.forEach((m, t) -> System.out.printf(Locale.ROOT, "  %-7s %-9s best: %s%n", side, m, t.label()));
        return best;
    }

    /**
     * The full timing run (with the matmul probe) of each side at its setting per mixer, and the ratio table; the
     * ceiling is the best matmul rate any of these runs reached.
     */
    private String timingTable(String title, Map<String, Map<Mixer, ThreadSetting>> settings) {
        List<StepBenchTable.SpeedRow> speed = new ArrayList<>();
        List<StepReport> timed = new ArrayList<>();
        StringBuilder used = new StringBuilder();
        for (Mixer m : mixers) {
            Map<String, StepReport> bySide = new LinkedHashMap<>();
            for (var e : settings.entrySet()) {
                ThreadSetting t = e.getValue().get(m);
                bySide.put(e.getKey(), announce(run(command(t, m, batch, warmup, steps, rssAt, true), t)));
                used.append(String.format(Locale.ROOT, "  %-7s %-9s %s%n", e.getKey(), m, t.label()));
            }
            timed.addAll(bySide.values());
            speed.add(new StepBenchTable.SpeedRow(
                    bySide.get("djl"), bySide.get("pytorch"), StepBenchmark.stepFlops(config, m, batch), 0));
        }
        double best = ceiling(timed); // every row against the best of the table, not of the runs before it
        speed.replaceAll(r -> new StepBenchTable.SpeedRow(r.djl(), r.pytorch(), r.stepFlop(), best));
        StringBuilder out = new StringBuilder(System.lineSeparator() + title + "; " + config.describe() + ", batch "
                + batch + ", " + plan().describe() + " per run" + System.lineSeparator()
                + used);
        for (StepReport r : timed)
            out.append(String.format(
                    Locale.ROOT,
                    "  matmul ceiling %-7s %-9s %6.1f GFLOP/s (best n³ of n = 512, " + "1024, 2048)%n",
                    r.side(),
                    r.mixer(),
                    r.matmulGflops()));
        out.append(String.format(
                Locale.ROOT,
                "  ceiling used: %.1f GFLOP/s, the best of the above; step FLOPs count "
                        + "matmuls only (%s net calls' worth)%n",
                best,
                netCalls(config.trm(Mixer.MLP))));
        return out.append(StepBenchTable.speedTable(speed)).toString();
    }

    private List<String> command(
            ThreadSetting t, Mixer m, int batch, int warmup, int steps, int rssAt, boolean matmul) {
        List<String> cmd = t.side().equals("djl")
                ? djlCommand(config, m, batch, warmup, steps, rssAt, matmul, t)
                : pytorchCommand(config, m, batch, warmup, steps, rssAt, matmul, t);
        // the seconds of the plan; its step counts are in the command already (a search's own, or the plan's)
        cmd.addAll(seconds.arguments());
        return cmd;
    }

    private TimingPlan plan() {
        return seconds.plan(warmup, steps);
    }

    /** {@code --profile}: one table per mixer; each trace stays in {@code traceDir} for chrome://tracing. */
    private int profile() {
        Engine.getInstance(); // loads the natives that JniUtils calls into
        System.out.printf(
                Locale.ROOT,
                "profile: %s, batch %d, warm-up of %d steps and %s s, then %d profiled steps, %d libtorch threads,"
                        + " load average %s%n",
                config.describe(),
                batch,
                warmup,
                seconds.warmup,
                steps,
                JniUtils.getNumThreads(),
                loadAverage());
        try {
            Files.createDirectories(traceDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + traceDir, e);
        }
        double ceiling = 0;
        for (Mixer m : mixers) {
            Path trace = traceDir.resolve("trm-" + m.name().toLowerCase(Locale.ROOT) + "-"
                    + config.name().toLowerCase(Locale.ROOT) + "-step.json");
            OpProfile p = StepBenchmark.profile(config, m, batch, warmup, seconds.warmup, steps, trace);
            System.out.printf(Locale.ROOT, "%nTRM %s, self time per op (trace: %s)%n", m, trace);
            System.out.print(p.table(top));
            // The references, measured here after the profiled steps, on the same threads and the same machine load.
            if (ceiling == 0) ceiling = MatmulProbe.bestGflops(MatmulProbe.measure(StepBenchmark.MATMUL_SIZES, 5));
            long elements = p.typicalStreamElements();
            System.out.print(p.bounds(ceiling, elements > 0 ? StreamProbe.gbPerSecond(elements) : Double.NaN));
        }
        return 0;
    }

    /**
     * {@code --cpu-split}: per mixer, the one-core run of each side (the first table's settings; with {@code
     * --all-cores} an all-cores run) under {@code perf record}, then both splits side by side; the sample files stay
     * in {@code traceDir}.
     */
    private int cpuSplit() {
        String torch = pytorchProblem(python, script);
        String perf = PerfSampler.problem();
        if (torch != null || perf != null) {
            System.err.println("--cpu-split needs perf and the PyTorch reference: "
                    + (torch != null ? "pytorch: " + torch : "") + (torch != null && perf != null ? "; " : "")
                    + (perf != null ? perf : ""));
            return 2;
        }
        try {
            Files.createDirectories(traceDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + traceDir, e);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "cpu split: %s, batch %d, %s, %s, perf record -e cpu-clock at %d Hz,"
                        + " samples cut to the measured steps; load average %s%n",
                config.describe(),
                batch,
                plan().describe(),
                allCores ? "all " + cores + " cores" : "one core each (the first table's settings)",
                PerfSampler.HZ,
                loadAverage());
        for (Mixer m : mixers) {
            StepReport[] reports = new StepReport[2];
            CpuSplit[] splits = new CpuSplit[2];
            String[] sides = {"djl", "pytorch"};
            for (int i = 0; i < 2; i++) {
                ThreadSetting t = !allCores
                        ? ThreadSetting.oneCore(sides[i])
                        : i == 0
                                ? new ThreadSetting("djl", cores, cores, ThreadSetting.WaitPolicy.PASSIVE, false)
                                : new ThreadSetting("pytorch", 1, cores, null, false);
                System.out.printf(Locale.ROOT, "  %-7s %s%n", sides[i], t.label());
                Path data = traceDir.resolve("perf-" + sides[i] + "-" + m.name().toLowerCase(Locale.ROOT)
                        + (allCores ? "-all-cores" : "") + ".data");
                reports[i] = announce(run(PerfSampler.wrap(command(t, m, batch, warmup, steps, rssAt, true), data), t));
                splits[i] = PerfSampler.read(data, reports[i]);
            }
            System.out.printf(Locale.ROOT, "%nTRM %s, %s%n", m, allCores ? "all " + cores + " cores" : "one core each");
            System.out.print(new CpuSplitComparison(
                            reports[0],
                            splits[0],
                            reports[1],
                            splits[1],
                            StepBenchmark.stepFlops(config, m, batch),
                            !allCores)
                    .table());
        }
        return 0;
    }

    /**
     * The settings the memory check's children inherit, in words: this JVM's heap options and the malloc in use
     * ({@code bin/looplab} sets both; README, Benchmarks, "Memory").
     */
    static String memorySettings() {
        List<String> heap = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xms") || a.startsWith("-Xmx") || a.contains("AlwaysPreTouch"))
                .toList();
        String preload = System.getenv().getOrDefault("LD_PRELOAD", "");
        String malloc = preload.contains("jemalloc")
                ? "jemalloc (LD_PRELOAD=" + preload + ", MALLOC_CONF="
                        + System.getenv().getOrDefault("MALLOC_CONF", "") + ")"
                : "glibc malloc with train.MallocReuse, MALLOC_ARENA_MAX="
                        + System.getenv().getOrDefault("MALLOC_ARENA_MAX", "unset")
                        + (preload.isEmpty() ? "" : ", LD_PRELOAD=" + preload);
        return "java " + (heap.isEmpty() ? "default heap" : String.join(" ", heap)) + "; " + malloc;
    }

    /** The 1-, 5- and 15-minute load averages, or "unknown" without /proc. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /** Forward net calls' worth of matmuls in a step: T(n+1) forward, 2(n+1) backward. */
    private static int netCalls(org.looplab.model.TrmConfig c) {
        return c.recursions() * (c.latentSteps() + 1) + 2 * (c.latentSteps() + 1);
    }

    private static double ceiling(List<StepReport> reports) {
        return reports.stream().mapToDouble(StepReport::matmulGflops).max().orElse(0);
    }

    static StepReport announce(StepReport r) {
        System.out.printf(
                Locale.ROOT,
                "  %-7s %-9s batch %2d: %6.0f ms/step [%.0f–%.0f], %,d params, loss %.3f -> %.3f, "
                        + "RSS %.0f MB @%d (peak %.0f), %.0f MB at end (peak %.0f), %d threads; %s%n",
                r.side(),
                r.mixer(),
                r.batch(),
                r.medianMs(),
                r.minMs(),
                r.maxMs(),
                r.params(),
                r.firstLoss(),
                r.lastLoss(),
                r.rssAtMb(),
                r.rssAtStep(),
                r.peakAtMb(),
                r.finalRssMb(),
                r.peakRssMb(),
                r.threads(),
                r.runtime());
        return r;
    }

    /**
     * At small batches (under 16) the memory check's child runs on one libtorch thread unless the caller chose a
     * count: at batch 2, two OpenMP
     * threads made a step ~7× slower on the 2-core machine (about 1 s against 0.15 s), and RSS, not speed, is
     * measured there.
     */
    static List<String> oneThread(List<String> cmd) {
        if (cmd.stream().anyMatch(a -> a.startsWith("-Dai.djl.pytorch.num_threads="))) return cmd;
        List<String> out = new ArrayList<>(cmd);
        out.add(1, "-Dai.djl.pytorch.num_threads=1");
        return out;
    }

    /** A child JVM like this one (same java, classpath and -D/-X options) running one DJL measurement. */
    static List<String> djlCommand(
            StepBenchConfig bench,
            Mixer m,
            int batch,
            int warmup,
            int steps,
            int rssAt,
            boolean matmul,
            ThreadSetting t) {
        List<String> cmd = jvmChild(TrainBench.class, t);
        cmd.addAll(List.of(
                "--child",
                "--config",
                bench.name(),
                "--mixers",
                m.name(),
                "--batch",
                "" + batch,
                "--warmup",
                "" + warmup,
                "--steps",
                "" + steps,
                "--rss-at",
                "" + rssAt));
        if (!matmul) cmd.add("--no-matmul");
        return cmd;
    }

    /**
     * A child JVM like this one (same java, classpath and -D/-X options; then {@code t}'s, which win) running
     * {@code main}; the caller adds its arguments.
     */
    static List<String> jvmChild(Class<?> main, ThreadSetting t) {
        List<String> cmd = new ArrayList<>(t == null ? List.of() : t.launcher());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (t != null) cmd.addAll(t.jvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        return cmd;
    }

    List<String> pytorchCommand(
            StepBenchConfig c, Mixer m, int batch, int warmup, int steps, int rssAt, boolean matmul, ThreadSetting t) {
        List<String> cmd = pytorchCommand(python, script, m, batch, warmup, steps, rssAt, matmul, t);
        // The script builds the bench config without size arguments (make bench's command line stays as it was).
        if (c != StepBenchConfig.BENCH) cmd.addAll(c.shape().scriptArguments());
        return cmd;
    }

    /** The script under {@code t} (null: torch's own defaults). */
    static List<String> pytorchCommand(
            Path python,
            Path script,
            Mixer m,
            int batch,
            int warmup,
            int steps,
            int rssAt,
            boolean matmul,
            ThreadSetting t) {
        List<String> cmd = new ArrayList<>(t == null ? List.of() : t.launcher());
        cmd.addAll(List.of(
                python.toString(),
                script.toString(),
                "--mixer",
                m.name().toLowerCase(Locale.ROOT),
                "--batch",
                "" + batch,
                "--warmup",
                "" + warmup,
                "--steps",
                "" + steps,
                "--rss-at",
                "" + rssAt));
        if (t != null) cmd.addAll(List.of("--threads", "" + t.intraOp(), "--interop-threads", "1"));
        if (!matmul) cmd.add("--no-matmul");
        return cmd;
    }

    /** Null when {@code python} can import torch and the script exists, else why not. */
    static String pytorchProblem(Path python, Path script) {
        if (!Files.isRegularFile(script)) return script + " not found (run from the repository root)";
        if (!Files.isExecutable(python)) return python + " not found";
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import torch")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return python + " -c 'import torch' took over 2 minutes";
            }
            return p.exitValue() == 0 ? null : python + " cannot import torch";
        } catch (IOException e) {
            return python + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Where a child JVM's command names its main class (one of this package's), or -1 for any other command. */
    static int benchMain(List<String> command) {
        String pkg = TrainBench.class.getPackageName() + ".";
        for (int i = 0; i < command.size(); i++) if (command.get(i).startsWith(pkg)) return i;
        return -1;
    }

    /**
     * Runs a child that prints one {@link StepReport} line on stdout (its progress and logs go to our stderr);
     * fails, naming the command, on a non-zero exit or a missing or bad line.
     */
    static StepReport run(List<String> command, ThreadSetting t) {
        int main = benchMain(command);
        int from = Math.max(0, main); // not the JVM's long classpath
        String shown = (t == null
                        ? ""
                        : t.environment().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue() + " ")
                                .collect(Collectors.joining()))
                + String.join(" ", command.subList(from, command.size()));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            if (main < 0) { // PyTorch runs with the malloc torch users get
                pb.environment().remove("LD_PRELOAD");
                pb.environment().remove("MALLOC_CONF");
            }
            if (t != null) pb.environment().putAll(t.environment());
            Process p = pb.start();
            String last = null;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) if (line.startsWith("{")) last = line;
            }
            int rc = p.waitFor();
            if (rc != 0) throw new IllegalStateException(shown + ": exit code " + rc);
            if (last == null) throw new IllegalStateException(shown + ": printed no JSON report line");
            return StepReport.parse(last, shown);
        } catch (IOException e) {
            throw new UncheckedIOException(shown + ": cannot run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(shown + ": interrupted", e);
        }
    }
}
