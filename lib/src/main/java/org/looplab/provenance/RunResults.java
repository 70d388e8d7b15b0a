package org.looplab.provenance;

/**
 * What a run measured, by name: the training loss, the latest held-out check during training and the final held-out
 * evaluation. One record for every writer (the trainer, {@code looplab train}, the sweep), so a reader never
 * guesses which key a writer used. Written in the run's {@code manifest.json} as {@code results}.
 *
 * @param loss             training loss at the last logged step; null before the first
 * @param trainHaltedExact exact-match of the training puzzles that halted at the last logged step; null when none did
 * @param lastCheck        the latest held-out check during training (on the recipe's {@code evalPuzzles}); null before
 *                         the first
 * @param finalEvaluation  the held-out evaluation after training, with the averaged (EMA) weights; null until it ran
 */
public record RunResults(Double loss, Double trainHaltedExact, HeldOut lastCheck, HeldOut finalEvaluation) {

    public static final RunResults NONE = new RunResults(null, null, null, null);

    /**
     * One measurement on held-out puzzles (the data set's test split).
     *
     * @param step     optimiser steps of the weights measured
     * @param puzzles  test puzzles measured; null where the writer did not record it (checks in manifests written
     *                 before 0.2)
     * @param exact    exact-match: share of puzzles with every cell right after all N_sup supervision steps
     * @param cell     per-cell accuracy after all N_sup steps
     * @param adaptive the same puzzles, each stopped at its halt signal; null when not measured
     */
    public record HeldOut(long step, Integer puzzles, double exact, double cell, Adaptive adaptive) {
        public HeldOut {
            if (step < 0) throw new IllegalArgumentException("step must be >= 0, was " + step);
            share("exact", exact);
            share("cell", cell);
        }

        /**
         * For people: {@code exact 99.8%, cell 99.9% at step 2,037 on 500 puzzles; adaptive at 0.5: exact 99.0%,
         * 1.42 steps on average}.
         */
        public String describe() {
            StringBuilder s = new StringBuilder("exact ")
                    .append(Figures.percent(exact))
                    .append(", cell ")
                    .append(Figures.percent(cell))
                    .append(" at step ")
                    .append(Figures.count(step));
            if (puzzles != null) s.append(" on ").append(Figures.count(puzzles)).append(" puzzles");
            if (adaptive != null)
                s.append("; adaptive at ")
                        .append(Figures.significant(adaptive.threshold(), 3))
                        .append(": exact ")
                        .append(Figures.percent(adaptive.exact()))
                        .append(", ")
                        .append(Figures.significant(adaptive.meanSteps(), 3))
                        .append(" steps on average");
            return s.toString();
        }
    }

    /**
     * Adaptive halting: a puzzle stops at the first step whose halt probability reaches {@code threshold}.
     *
     * @param threshold halt when sigmoid(q_halt) >= threshold
     * @param exact     exact-match at each puzzle's halting step
     * @param meanSteps supervision steps used, averaged over the puzzles
     */
    public record Adaptive(double threshold, double exact, double meanSteps) {
        public Adaptive {
            share("adaptive exact", exact);
            if (!(threshold > 0 && threshold <= 1))
                throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
    }

    /** The final evaluation when there is one, else the last check during training, else null. */
    public HeldOut heldOut() {
        return finalEvaluation != null ? finalEvaluation : lastCheck;
    }

    public RunResults withFinal(HeldOut evaluation) {
        return new RunResults(loss, trainHaltedExact, lastCheck, evaluation);
    }

    private static void share(String what, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(what + " accuracy must be in [0, 1], was " + v);
    }
}
