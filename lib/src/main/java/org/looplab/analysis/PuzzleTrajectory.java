package org.looplab.analysis;

import org.looplab.model.HaltSignals;
import org.looplab.model.HaltingRule;

/**
 * One test puzzle followed through all N_sup supervision steps (evaluation style: nothing stops early, so every
 * step's answer is known and halting can be replayed afterwards at any threshold).
 *
 * @param row             row in the test split
 * @param difficulty      solver backtracks (Sudoku) or shortest path length (maze), or another {@link DifficultyRating};
 *                        -1 when unknown
 * @param givens          digits given in the input (Sudoku); -1 for other kinds
 * @param halting         {@code [N_sup]} the halt head after step k = index + 1: sigmoid(q_halt), q_halt, q_continue
 * @param correct         {@code [N_sup]} whether the whole predicted grid equals the target after that step
 * @param cellsChanged    {@code [N_sup]} cells whose predicted token differs from the step before; for step 1, from
 *                        the input grid (so it counts what the first step wrote into the blanks, and any given it
 *                        overwrote)
 * @param cellsWrong      {@code [N_sup]} cells that differ from the target after that step
 */
public record PuzzleTrajectory(
        int row,
        int difficulty,
        int givens,
        HaltSignals halting,
        boolean[] correct,
        int[] cellsChanged,
        int[] cellsWrong) {

    public PuzzleTrajectory {
        int n = halting.steps();
        if (n == 0) throw new IllegalArgumentException("row " + row + ": no steps");
        if (correct.length != n || cellsChanged.length != n || cellsWrong.length != n)
            throw new IllegalArgumentException(
                    "row " + row + ": " + n + " halt probabilities but " + correct.length + " correctness flags, "
                            + cellsChanged.length + " change counts, " + cellsWrong.length + " error counts");
    }

    /** A trajectory known only by its halt probabilities (hand-made ones; HRM's rule never fires on them). */
    public PuzzleTrajectory(
            int row,
            int difficulty,
            int givens,
            float[] haltProbability,
            boolean[] correct,
            int[] cellsChanged,
            int[] cellsWrong) {
        this(row, difficulty, givens, HaltSignals.ofProbabilities(haltProbability), correct, cellsChanged, cellsWrong);
    }

    /** The same trajectory with its difficulty measured another way ({@link DifficultyRating}). */
    public PuzzleTrajectory withDifficulty(int value) {
        return new PuzzleTrajectory(row, value, givens, halting, correct, cellsChanged, cellsWrong);
    }

    /** N_sup: how many steps were traced. */
    public int steps() {
        return halting.steps();
    }

    /** {@code [N_sup]} sigmoid(q_halt) after each step. */
    public float[] haltProbability() {
        return halting.probability();
    }

    /** The first step k (1-based) at which {@code rule} stops it, or 0 when it never does (it would run to the cap). */
    public int firstHalt(HaltingRule rule) {
        return rule.firstHalt(halting);
    }

    /** {@link #firstHalt(HaltingRule)} for TRM's rule: sigmoid(q_halt) reaches {@code threshold}. */
    public int firstHalt(double threshold) {
        return firstHalt(HaltingRule.threshold(threshold));
    }

    /** The step the model stops at under {@code rule} with at most {@code maxSteps} steps. */
    public int stopStep(HaltingRule rule, int maxSteps) {
        return rule.exitStep(halting, maxSteps);
    }

    /** Whether the answer after step k (1-based) is right. */
    public boolean correctAt(int k) {
        return correct[k - 1];
    }

    /** The first step whose answer is right, or 0 when none is: the least compute this puzzle could have used. */
    public int firstCorrect() {
        for (int k = 0; k < steps(); k++) if (correct[k]) return k + 1;
        return 0;
    }
}
