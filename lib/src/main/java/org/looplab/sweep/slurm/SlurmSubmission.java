package org.looplab.sweep.slurm;

import java.util.List;

/**
 * One {@code looplab sweep --slurm}: kept as {@code OUT/slurm/submission-ARRAYJOB.json} so that {@code --status}
 * can name each cell's task and its log.
 *
 * @param arrayJob   the array job's id; the cell {@code cells[i]} runs as task {@code ARRAYJOB_i}
 * @param collectJob the job that writes the tables once every task has ended
 * @param submitted  when (ISO-8601)
 * @param script     the array job's batch script
 * @param cells      cache keys of the cells, in array-index order
 */
public record SlurmSubmission(String arrayJob, String collectJob, String submitted, String script, List<String> cells) {
    public SlurmSubmission {
        cells = List.copyOf(cells);
    }

    /** The task id ({@code 1234_7}) that runs a cell, or null if this submission does not hold it. */
    public String taskOf(String hash) {
        int i = cells.indexOf(hash);
        return i < 0 ? null : arrayJob + "_" + i;
    }
}
