package org.looplab.sweep.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The two things LoopLab asks of Slurm: queue a batch script, and say what is in the queue. */
public interface SlurmClient {

    /** {@code sbatch --parsable ARGS SCRIPT}: the job id. */
    String submit(Path script, List<String> args);

    /**
     * This user's jobs Slurm still knows, one entry per array task ({@code 1234_7}) or job ({@code 1235}), with its
     * state ({@code PENDING}, {@code RUNNING}, {@code COMPLETED}, {@code CANCELLED}, {@code TIMEOUT}, …). Ended jobs
     * drop out after the cluster's {@code MinJobAge}.
     */
    Map<String, String> queue();

    /** States in which a task still holds or will get a node. */
    static boolean active(String state) {
        return switch (state) {
            case "PENDING",
                    "RUNNING",
                    "CONFIGURING",
                    "COMPLETING",
                    "REQUEUED",
                    "REQUEUE_HOLD",
                    "REQUEUE_FED",
                    "RESIZING",
                    "SUSPENDED",
                    "STOPPED",
                    "SIGNALING",
                    "STAGE_OUT" -> true;
            default -> false;
        };
    }
}
