package org.looplab.analysis;

/**
 * One test puzzle followed through all N_sup supervision steps (evaluation style: nothing stops early, so every
 * step's answer is known and halting can be replayed afterwards at any threshold).
 *
 * @param row             row in the test split
 * @param difficulty      solver backtracks (Sudoku) or shortest path length (maze); -1 when unknown
 * @param givens          digits given in the input (Sudoku); -1 for other kinds
 * @param haltProbability {@code [N_sup]} sigmoid(q_halt) after step k = index + 1
 * @param correct         {@code [N_sup]} whether the whole predicted grid equals the target after that step
 * @param cellsChanged    {@code [N_sup]} cells whose predicted token differs from the step before; for step 1, from
 *                        the input grid (so it counts what the first step wrote into the blanks, and any given it
 *                        overwrote)
 * @param cellsWrong      {@code [N_sup]} cells that differ from the target after that step
 */
public record PuzzleTrajectory(int row, int difficulty, int givens, float[] haltProbability, boolean[] correct,
                               int[] cellsChanged, int[] cellsWrong) {

    public PuzzleTrajectory {
        int n = haltProbability.length;
        if (n == 0) throw new IllegalArgumentException("row " + row + ": no steps");
        if (correct.length != n || cellsChanged.length != n || cellsWrong.length != n)
            throw new IllegalArgumentException("row " + row + ": " + n + " halt probabilities but " + correct.length
                    + " correctness flags, " + cellsChanged.length + " change counts, " + cellsWrong.length + " error counts");
    }

    /** N_sup: how many steps were traced. */
    public int steps() {
        return haltProbability.length;
    }

    /**
     * The first step k (1-based) whose halt probability reaches {@code threshold}, or 0 when none does (the
     * model would run to the N_sup cap).
     */
    public int firstHalt(double threshold) {
        float t = (float) threshold;  // compare as stored: 0.9f is below the double 0.9, yet the model said 0.9
        for (int k = 0; k < steps(); k++) if (haltProbability[k] >= t) return k + 1;
        return 0;
    }

    /** The step the model stops at under adaptive halting with at most {@code maxSteps} steps. */
    public int stopStep(double threshold, int maxSteps) {
        int h = firstHalt(threshold);
        int cap = Math.min(maxSteps, steps());
        return h == 0 ? cap : Math.min(h, cap);
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
