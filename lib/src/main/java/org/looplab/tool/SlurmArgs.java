package org.looplab.tool;

import java.util.ArrayList;
import java.util.List;
import org.looplab.sweep.slurm.SlurmOptions;
import picocli.CommandLine.Option;

/** The options of {@code looplab sweep --slurm}: what each cell's array task asks Slurm for. */
final class SlurmArgs {
    @Option(names = "--partition", description = "Slurm partition (default: the cluster's default)")
    String partition;

    @Option(
            names = "--gpus-per-cell",
            defaultValue = "0",
            description = "GPUs per cell, as --gres=gpu:N (default ${DEFAULT-VALUE})")
    int gpus;

    @Option(
            names = "--cpus-per-cell",
            defaultValue = "1",
            description = "CPUs per cell; libtorch runs one thread per CPU (default ${DEFAULT-VALUE})")
    int cpus;

    @Option(names = "--mem-per-cell", description = "memory per cell, e.g. 16G (default: the partition's)")
    String mem;

    @Option(names = "--time", description = "time limit per cell, e.g. 1-00:00:00 (default: the partition's)")
    String time;

    @Option(
            names = "--max-parallel",
            defaultValue = "0",
            description = "at most K cells at once, the array's %%K throttle (default ${DEFAULT-VALUE}: no limit)")
    int maxParallel;

    @Option(
            names = "--signal-seconds",
            defaultValue = "120",
            description = "SIGTERM this long before the time limit, so the cell checkpoints (default ${DEFAULT-VALUE})")
    int signalSeconds;

    @Option(
            names = "--sbatch-arg",
            description = "one more sbatch argument, e.g. --sbatch-arg=--account=lab (repeatable)")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(
            names = "--java-option",
            description = "one JVM option for each cell, e.g. --java-option=-Xmx8g (repeatable)")
    List<String> javaOptions = new ArrayList<>();

    SlurmOptions toOptions() {
        return new SlurmOptions(partition, gpus, cpus, mem, time, maxParallel, signalSeconds, sbatchArgs, javaOptions);
    }
}
