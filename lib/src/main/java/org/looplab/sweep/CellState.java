package org.looplab.sweep;

import java.util.Locale;

/**
 * What a run of a sweep cell would do now ({@link SweepRunner#state}): typed, so a caller counts phases instead of
 * parsing a sentence.
 *
 * @param phase  done, running, interrupted or to do
 * @param step   the last saved checkpoint's step; 0 where none was saved
 * @param saved  whether a checkpoint was saved
 * @param holder the process holding the run lock ("P on H"), or null where none does
 */
public record CellState(Phase phase, long step, boolean saved, String holder) {

    public enum Phase {
        DONE,
        /** Another process (another shard, or a worker started by hand) holds the run lock and trains it. */
        RUNNING,
        /** A checkpoint exists and nobody trains it: the next run resumes there. */
        INTERRUPTED,
        TO_DO;

        /** "done", "running", "interrupted", "to do". */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** "done", "running, checkpoint at step S (process P on H)", "interrupted at step S" or "to do". */
    public String describe() {
        return switch (phase) {
            case DONE, TO_DO -> phase.label();
            case RUNNING ->
                (saved ? "running, checkpoint at step " + step : "running, no checkpoint yet") + " (process " + holder
                        + ")";
            case INTERRUPTED -> "interrupted at step " + step;
        };
    }
}
