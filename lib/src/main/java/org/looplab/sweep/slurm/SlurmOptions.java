package org.looplab.sweep.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * What each array task of a sweep asks Slurm for ({@code looplab sweep --slurm}).
 *
 * @param partition     partition to queue in (null: the cluster's default)
 * @param gpusPerCell   GPUs per cell, as {@code --gres=gpu:N} (0: none)
 * @param cpusPerCell   CPUs per cell; libtorch gets one thread per CPU, so tasks that share a node do not oversubscribe it
 * @param memPerCell    memory per cell in sbatch's notation, e.g. {@code 16G} (null: the partition's default)
 * @param timeLimit     time limit per cell, e.g. {@code 1-00:00:00} (null: the partition's default)
 * @param maxParallel   at most this many cells at once, the array's {@code %K} throttle (0: no throttle)
 * @param signalSeconds SIGTERM this many seconds before the time limit, so the cell checkpoints before it is killed
 * @param sbatchArgs    further sbatch arguments (e.g. {@code --account=X}, {@code --qos=Y}) for the array and collect jobs
 * @param javaOptions   JVM options for each cell, e.g. {@code -Xmx8g}
 */
public record SlurmOptions(
        String partition,
        int gpusPerCell,
        int cpusPerCell,
        String memPerCell,
        String timeLimit,
        int maxParallel,
        int signalSeconds,
        List<String> sbatchArgs,
        List<String> javaOptions) {

    public SlurmOptions {
        if (gpusPerCell < 0) throw new IllegalArgumentException("--gpus-per-cell must be >= 0, was " + gpusPerCell);
        if (cpusPerCell < 1) throw new IllegalArgumentException("--cpus-per-cell must be >= 1, was " + cpusPerCell);
        if (maxParallel < 0) throw new IllegalArgumentException("--max-parallel must be >= 0, was " + maxParallel);
        if (signalSeconds < 0)
            throw new IllegalArgumentException("--signal-seconds must be >= 0, was " + signalSeconds);
        if (memPerCell != null && !memPerCell.matches("[0-9]+[KMGT]?"))
            throw new IllegalArgumentException("--mem-per-cell must look like 16G or 4000M, was '" + memPerCell + "'");
        if (timeLimit != null && !timeLimit.matches("[0-9]+(-[0-9]+)?(:[0-9]+){0,2}"))
            throw new IllegalArgumentException(
                    "--time must look like 30, 2:00:00 or 1-00:00:00, was '" + timeLimit + "'");
        if (partition != null && !partition.matches("[A-Za-z0-9._,-]+"))
            throw new IllegalArgumentException("--partition must be a partition name, was '" + partition + "'");
        sbatchArgs = List.copyOf(sbatchArgs == null ? List.of() : sbatchArgs);
        javaOptions = List.copyOf(javaOptions == null ? List.of() : javaOptions);
    }

    /** One CPU, no GPU, the partition's memory and time, no throttle, SIGTERM two minutes before the limit. */
    public static final SlurmOptions DEFAULT = new SlurmOptions(null, 0, 1, null, null, 0, 120, List.of(), List.of());

    /** The {@code #SBATCH} lines that size one cell's task. */
    List<String> resourceLines() {
        List<String> out = new ArrayList<>();
        if (partition != null) out.add("--partition=" + partition);
        out.add("--cpus-per-task=" + cpusPerCell);
        if (gpusPerCell > 0) out.add("--gres=gpu:" + gpusPerCell);
        if (memPerCell != null) out.add("--mem=" + memPerCell);
        if (timeLimit != null) out.add("--time=" + timeLimit);
        return out;
    }
}
