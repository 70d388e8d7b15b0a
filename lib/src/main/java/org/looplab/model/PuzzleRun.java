package org.looplab.model;

/**
 * What inference said for one puzzle.
 *
 * @param answer      argmax token per cell (prefix dropped) after its exit step
 * @param exitStep    supervision steps it ran, 1..its cap
 * @param halted      true when its halting rule stopped it, false when it reached its cap
 * @param signals     the halt head after each step it ran ({@code exitStep} entries)
 * @param stepAnswers {@code [exitStep][cells]} the answer after each step, when asked for; else null
 */
public record PuzzleRun(long[] answer, int exitStep, boolean halted, HaltSignals signals, long[][] stepAnswers) {

    /** sigmoid(q_halt) after the exit step. */
    public float haltProbability() {
        return signals.probability()[exitStep - 1];
    }

    /** The answer after step {@code k} (1-based); needs {@link BatchInference.Keep#EVERY_STEP}. */
    public long[] answerAt(int k) {
        if (stepAnswers == null) throw new IllegalStateException("answers per step were not kept");
        return stepAnswers[k - 1];
    }
}
