package org.looplab.sweep.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two batch scripts of a submitted sweep: an array job with one task per cell, each running exactly that cell in
 * its own JVM ({@code looplab sweep --cell HASH}, so native libraries never mix), and a collect job that writes the
 * tables. Paths are absolute: tasks start wherever Slurm puts them.
 *
 * @param launch   how to start LoopLab
 * @param spec     the spec file
 * @param out      the sweep's output folder (on a file system every node sees)
 * @param dataRoot where data sets live (built before submission, so tasks only read them)
 */
record BatchScripts(JavaLaunch launch, Path spec, Path out, Path dataRoot) {

    /** The log of array task {@code ARRAYJOB_INDEX}: Slurm's {@code %A_%a}. */
    static Path logOf(Path out, String task) {
        return logs(out).resolve(task + ".out");
    }

    static Path logs(Path out) {
        return out.resolve("slurm").resolve("logs");
    }

    String array(String sweepName, List<String> hashes, SlurmOptions o) {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add(
                "# LoopLab sweep " + sweepName + ": one array task per cell without a result (looplab sweep --slurm).");
        lines.add("#SBATCH --job-name=looplab-" + sweepName);
        lines.add("#SBATCH --array=0-" + (hashes.size() - 1) + (o.maxParallel() > 0 ? "%" + o.maxParallel() : ""));
        lines.add("#SBATCH --output=" + logs(out) + "/%A_%a.out");
        // A requeued task (node failure, preemption) appends to its log and resumes from the cell's checkpoint.
        lines.add("#SBATCH --open-mode=append");
        lines.add("#SBATCH --requeue");
        // B: the signal goes to the batch shell, which exec makes the JVM: it checkpoints, then exits.
        if (o.signalSeconds() > 0) lines.add("#SBATCH --signal=B:TERM@" + o.signalSeconds());
        for (String r : o.resourceLines()) lines.add("#SBATCH " + r);
        lines.add("set -eu");
        lines.add("CELLS=(");
        for (String h : hashes) lines.add("  " + h);
        lines.add(")");
        lines.add(
                "echo \"task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname) at $(date -u +%FT%TZ), restart ${SLURM_RESTART_COUNT:-0}\"");
        // One libtorch thread per CPU Slurm gave the task: tasks sharing a node then do not oversubscribe it.
        lines.add("exec " + java(o, "-Dai.djl.pytorch.num_threads=${SLURM_CPUS_PER_TASK:-1}") + " \\");
        lines.add("  --cell \"${CELLS[$SLURM_ARRAY_TASK_ID]}\"");
        return String.join("\n", lines) + "\n";
    }

    String collect(String sweepName, SlurmOptions o) {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# LoopLab sweep " + sweepName + ": results.csv and results.json once every array task has ended.");
        lines.add("#SBATCH --job-name=looplab-" + sweepName + "-collect");
        lines.add("#SBATCH --output=" + logs(out) + "/%j-collect.out");
        lines.add("#SBATCH --cpus-per-task=1");
        if (o.partition() != null) lines.add("#SBATCH --partition=" + o.partition());
        lines.add("set -eu");
        lines.add("exec " + java(o, "-Dai.djl.pytorch.num_threads=1") + " --collect");
        return String.join("\n", lines) + "\n";
    }

    private String java(SlurmOptions o, String threads) {
        List<String> words = new ArrayList<>();
        words.add(quote(launch.java()));
        words.add(threads);
        for (String opt : o.javaOptions()) words.add(quote(opt));
        words.add("-cp");
        words.add(quote(launch.classPath()));
        words.add(launch.mainClass());
        words.add("sweep --spec " + quote(spec.toString()) + " --out " + quote(out.toString()) + " --data-root "
                + quote(dataRoot.toString()));
        return String.join(" ", words);
    }

    /** Single-quoted for bash, so spaces and $ in paths stay literal. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
