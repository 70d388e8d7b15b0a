package org.looplab.serve;

import java.util.Map;

/**
 * How to run the model for one request, shared by {@code solve_sudoku} and {@code solve_maze}.
 *
 * @param maxSteps      supervision steps at most, 1..N_sup; null means the model's N_sup
 * @param haltThreshold stop once sigmoid(q_halt) reaches this (0..1); the default 0.5 is the training target's
 *                      decision boundary (halt when the model believes its answer is right). TRM only: an HRM
 *                      checkpoint halts by its own rule, q_halt > q_continue ({@link org.looplab.model.HaltingRule#of})
 * @param classicalFallback when the model's answer fails the check, answer with the classical solver's, marked so
 */
public record SolveOptions(Integer maxSteps, double haltThreshold, boolean classicalFallback) {

    public static final double DEFAULT_HALT_THRESHOLD = 0.5;

    public static SolveOptions defaults() {
        return new SolveOptions(null, DEFAULT_HALT_THRESHOLD, false);
    }

    /** Reads {@code max_steps}, {@code halt_threshold} and {@code fallback} from tool arguments. */
    static SolveOptions from(Map<String, Object> args) {
        Integer maxSteps = null;
        Object steps = args.get("max_steps");
        if (steps != null) {
            if (!(steps instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()))
                throw bad("max_steps must be an integer, was " + steps);
            if (n.doubleValue() < 1) throw bad("max_steps must be >= 1, was " + steps);
            maxSteps = n.doubleValue() > Integer.MAX_VALUE ? Integer.MAX_VALUE : n.intValue();
        }
        double threshold = DEFAULT_HALT_THRESHOLD;
        Object t = args.get("halt_threshold");
        if (t != null) {
            if (!(t instanceof Number n)) throw bad("halt_threshold must be a number, was " + t);
            threshold = n.doubleValue();
            if (!(threshold >= 0 && threshold <= 1)) throw bad("halt_threshold must be in 0..1, was " + t);
        }
        boolean fallback = false;
        Object f = args.get("fallback");
        if (f != null) {
            if (!"classical".equals(f)) throw bad("fallback must be \"classical\" or absent, was " + f);
            fallback = true;
        }
        return new SolveOptions(maxSteps, threshold, fallback);
    }

    /** The steps to run on {@code solver}: the request's, checked against N_sup, or N_sup. */
    int stepsOn(LoadedSolver solver) {
        int nSup = solver.supervisionSteps();
        if (maxSteps == null) return nSup;
        if (maxSteps > nSup)
            throw bad("max_steps " + maxSteps + " is more than " + solver.name() + " was trained for (N_sup = " + nSup
                    + ")");
        return maxSteps;
    }

    private static SolverException bad(String message) {
        return new SolverException(SolverException.Code.BAD_ARGUMENT, message);
    }
}
