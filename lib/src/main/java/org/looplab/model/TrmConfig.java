package org.looplab.model;

import ai.djl.ndarray.types.DataType;
import org.looplab.Profile;

/**
 * Tiny Recursive Model (TRM code {@code models/recursive_reasoning/trm.py}; defaults {@code config/arch/trm.yaml}).
 *
 * @param hiddenSize       D, 512 in the paper
 * @param heads            attention heads (8); unused by the MLP mixer
 * @param expansion        SwiGLU expansion (4)
 * @param layers           blocks in the one tiny net (2)
 * @param mixer            ATTENTION or MLP (MLP wins on Sudoku, 87.4 vs 74.7)
 * @param positions        ROPE for attention; NONE for TRM-MLP (the mixer is position-specific)
 * @param latentSteps      n, updates of z per round (6)
 * @param recursions       T, rounds per supervision step, T-1 without gradient (3)
 * @param supervisionSteps N_sup (16)
 * @param prefixLength     puzzle-id prefix positions (16)
 * @param backprop         FULL_RECURSION (TRM) or ONE_STEP (the paper's "w/ 1-step gradient" ablation)
 */
public record TrmConfig(
        int hiddenSize,
        int heads,
        double expansion,
        int layers,
        Mixer mixer,
        PositionEncoding positions,
        int latentSteps,
        int recursions,
        int supervisionSteps,
        int prefixLength,
        Backprop backprop)
        implements ModelConfig {

    public TrmConfig { // runs for `new` and for Jackson alike, so a bad file fails here and names the field
        ModelConfig.positive("hiddenSize", hiddenSize);
        ModelConfig.headsDivide(hiddenSize, heads);
        if (!(expansion > 0)) throw new IllegalArgumentException("expansion must be > 0, was " + expansion);
        ModelConfig.positive("layers", layers);
        ModelConfig.required("mixer", mixer);
        ModelConfig.required("positions", positions);
        if (latentSteps < 1) throw new IllegalArgumentException("latentSteps (n) must be >= 1, was " + latentSteps);
        if (recursions < 1) throw new IllegalArgumentException("recursions (T) must be >= 1, was " + recursions);
        if (supervisionSteps < 1)
            throw new IllegalArgumentException("supervisionSteps (N_sup) must be >= 1, was " + supervisionSteps);
        ModelConfig.positive("prefixLength", prefixLength);
        ModelConfig.required("backprop", backprop);
        if (mixer == Mixer.ATTENTION && positions == PositionEncoding.ROPE && (hiddenSize / heads) % 2 != 0)
            throw new IllegalArgumentException(
                    "heads: RoPE needs an even head size, hiddenSize/heads = " + hiddenSize / heads);
    }

    /** The paper's TRM-Att: 6,828,034 parameters on Sudoku. */
    public static final TrmConfig PAPER_ATTENTION =
            new TrmConfig(512, 8, 4, 2, Mixer.ATTENTION, PositionEncoding.ROPE, 6, 3, 16, 16, Backprop.FULL_RECURSION);
    /** The paper's TRM-MLP: 5,028,866 parameters on Sudoku. */
    public static final TrmConfig PAPER_MLP = PAPER_ATTENTION.with(Mixer.MLP).with(PositionEncoding.NONE);
    // DEVIATION: hidden 128 on cpu (paper 512); n, T, N_sup as in the paper.
    public static final TrmConfig SMALL_ATTENTION = PAPER_ATTENTION.withSize(128, 4);
    public static final TrmConfig SMALL_MLP = PAPER_MLP.withSize(128, 4);
    // DEVIATION: smoke size: hidden 32, n=2, T=2, N_sup=4, so a test step is milliseconds.
    public static final TrmConfig TINY_ATTENTION =
            new TrmConfig(32, 2, 4, 2, Mixer.ATTENTION, PositionEncoding.ROPE, 2, 2, 4, 16, Backprop.FULL_RECURSION);
    public static final TrmConfig TINY_MLP = TINY_ATTENTION.with(Mixer.MLP).with(PositionEncoding.NONE);

    /** TRM-MLP at the profile's size (MLP is the paper's best on Sudoku). */
    public static TrmConfig of(Profile p) {
        return switch (p) {
            case SMOKE -> TINY_MLP;
            case CPU -> SMALL_MLP;
            case GPU -> PAPER_MLP;
        };
    }

    /** The ablation: another mixer, nothing else. */
    public TrmConfig with(Mixer m) {
        return new TrmConfig(
                hiddenSize,
                heads,
                expansion,
                layers,
                m,
                positions,
                latentSteps,
                recursions,
                supervisionSteps,
                prefixLength,
                backprop);
    }

    public TrmConfig with(PositionEncoding p) {
        return new TrmConfig(
                hiddenSize,
                heads,
                expansion,
                layers,
                mixer,
                p,
                latentSteps,
                recursions,
                supervisionSteps,
                prefixLength,
                backprop);
    }

    public TrmConfig withSize(int hidden, int numHeads) {
        return new TrmConfig(
                hidden,
                numHeads,
                expansion,
                layers,
                mixer,
                positions,
                latentSteps,
                recursions,
                supervisionSteps,
                prefixLength,
                backprop);
    }

    /** n and T, e.g. the Table 1 row "T=2, n=2". */
    public TrmConfig withRecursion(int n, int t) {
        return new TrmConfig(
                hiddenSize, heads, expansion, layers, mixer, positions, n, t, supervisionSteps, prefixLength, backprop);
    }

    /** The 1-step-gradient ablation (or back): same model, only the gradient's reach differs. */
    public TrmConfig with(Backprop b) {
        return new TrmConfig(
                hiddenSize,
                heads,
                expansion,
                layers,
                mixer,
                positions,
                latentSteps,
                recursions,
                supervisionSteps,
                prefixLength,
                b);
    }

    /** N_sup, e.g. fewer supervision steps for a quick run. */
    public TrmConfig withSupervisionSteps(int nSup) {
        return new TrmConfig(
                hiddenSize,
                heads,
                expansion,
                layers,
                mixer,
                positions,
                latentSteps,
                recursions,
                nSup,
                prefixLength,
                backprop);
    }

    @Override
    public int computeDepth() {
        return recursions * (latentSteps + 1) * layers;
    }

    @Override
    public int gradientDepth() {
        return (backprop == Backprop.ONE_STEP ? 2 : latentSteps + 1) * layers;
    }

    @Override
    public String depthFormula() {
        return "T(n+1)·layers = " + recursions + "·(" + latentSteps + "+1)·" + layers + " = " + computeDepth();
    }

    @Override
    public TinyRecursiveModel build(TaskShape task, long seed) {
        return TinyRecursiveModel.create(this, task, seed, DataType.FLOAT32);
    }
}
