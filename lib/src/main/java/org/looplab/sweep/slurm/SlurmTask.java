package org.looplab.sweep.slurm;

import java.util.function.Predicate;
import org.looplab.sweep.CellLock;

/** The Slurm task this process runs as, and whether another one has ended (for taking over its cell lock). */
public final class SlurmTask {
    private SlurmTask() {}

    /** {@code ARRAYJOB_TASK} inside an array task, the job id inside another job, null outside Slurm. */
    public static String current() {
        String array = System.getenv("SLURM_ARRAY_JOB_ID"), task = System.getenv("SLURM_ARRAY_TASK_ID");
        if (array != null && task != null) return array + "_" + task;
        return System.getenv("SLURM_JOB_ID");
    }

    /**
     * Whether a lock holder's job has ended, by the queue: gone from it, or in an end state. If the queue cannot be
     * read, nothing is known to have ended (the lock is then refused, with a message, rather than broken).
     */
    public static Predicate<CellLock.Holder> ended(SlurmClient slurm) {
        return holder -> {
            try {
                String state = slurm.queue().get(holder.job());
                return state == null || !SlurmClient.active(state);
            } catch (RuntimeException e) {
                return false;
            }
        };
    }
}
