package org.looplab.model;

/**
 * How deep a TRM recurses per supervision step: n latent updates then one answer update, T times (the last round
 * with gradient). The weights do not depend on it (the same two-layer network is applied more or fewer times), so a
 * trained model can be run, or trained on, at another depth: a depth curriculum (shallow first, deeper later, as
 * CGAR's progressive depth, arXiv 2511.08653 §3.3) or a test-time question (does a model trained at n = 1, T = 1 get
 * better when it may think longer?).
 *
 * @param latentSteps n, latent updates per round
 * @param recursions  T, rounds per supervision step
 */
public record RecursionDepth(int latentSteps, int recursions) {

    public RecursionDepth {
        if (latentSteps < 1) throw new IllegalArgumentException("n (latent steps) must be >= 1, was " + latentSteps);
        if (recursions < 1) throw new IllegalArgumentException("T (recursions) must be >= 1, was " + recursions);
    }

    /** "2,3" → n = 2, T = 3; anything else is an error that quotes it. */
    public static RecursionDepth parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 2)
            throw new IllegalArgumentException("recursion depth must be N,T (e.g. 2,2), was '" + text + "'");
        try {
            return new RecursionDepth(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("recursion depth must be two whole numbers N,T, was '" + text + "'");
        }
    }

    /** The depth a config holds. */
    public static RecursionDepth of(ModelConfig config) {
        return new RecursionDepth(trm(config).latentSteps(), trm(config).recursions());
    }

    /** {@code config} at this depth; TRM only (HRM's cycles are another recursion, not exposed here). */
    public TrmConfig applyTo(ModelConfig config) {
        return trm(config).withRecursion(latentSteps, recursions);
    }

    private static TrmConfig trm(ModelConfig config) {
        if (config instanceof TrmConfig t) return t;
        throw new IllegalArgumentException("a recursion depth (n, T) is for TRM models; this is a "
                + config.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return "n " + latentSteps + ", T " + recursions;
    }
}
