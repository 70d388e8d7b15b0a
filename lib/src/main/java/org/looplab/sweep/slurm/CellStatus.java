package org.looplab.sweep.slurm;

import java.util.List;

/**
 * Where one cell of a sweep on Slurm stands ({@code looplab sweep --status}).
 *
 * @param folder  the cell's run folder name (it ends with the first 10 hex digits of the cache key)
 * @param state   done, running, failed or pending
 * @param job     the Slurm task that runs or ran it ({@code 1234_7}), or null if it was never submitted
 * @param detail  one line: the result, the checkpoint step, the task's end state
 * @param logTail the last lines of the task's log (failed cells only)
 */
public record CellStatus(String folder, State state, String job, String detail, List<String> logTail) {
    public enum State {
        DONE,
        RUNNING,
        FAILED,
        PENDING
    }

    public CellStatus {
        logTail = List.copyOf(logTail);
    }
}
