package org.looplab.model;

import ai.djl.ndarray.types.DataType;
import org.looplab.Profile;

/**
 * Hierarchical Reasoning Model (HRM code {@code models/hrm/hrm_act_v1.py}; defaults {@code config/arch/hrm_v1.yaml}).
 *
 * @param hiddenSize       512
 * @param heads            8
 * @param expansion        SwiGLU expansion (4)
 * @param highLayers       layers of the slow H module (4)
 * @param lowLayers        layers of the fast L module (4)
 * @param highCycles       N, H updates per supervision step (H_cycles = 2)
 * @param lowCycles        T, L updates per H update (L_cycles = 2)
 * @param supervisionSteps M_max / N_sup (16)
 * @param prefixLength     puzzle-id prefix positions (1 = ceil(512/512))
 * @param positions        ROPE in the paper
 */
public record HrmConfig(
        int hiddenSize,
        int heads,
        double expansion,
        int highLayers,
        int lowLayers,
        int highCycles,
        int lowCycles,
        int supervisionSteps,
        int prefixLength,
        PositionEncoding positions)
        implements ModelConfig {

    public HrmConfig {
        ModelConfig.positive("hiddenSize", hiddenSize);
        ModelConfig.headsDivide(hiddenSize, heads);
        if (!(expansion > 0)) throw new IllegalArgumentException("expansion must be > 0, was " + expansion);
        ModelConfig.positive("highLayers", highLayers);
        ModelConfig.positive("lowLayers", lowLayers);
        if (highCycles < 1) throw new IllegalArgumentException("highCycles (N) must be >= 1, was " + highCycles);
        if (lowCycles < 1) throw new IllegalArgumentException("lowCycles (T) must be >= 1, was " + lowCycles);
        if (supervisionSteps < 1)
            throw new IllegalArgumentException("supervisionSteps (N_sup) must be >= 1, was " + supervisionSteps);
        ModelConfig.positive("prefixLength", prefixLength);
        ModelConfig.required("positions", positions);
        if (positions == PositionEncoding.ROPE && (hiddenSize / heads) % 2 != 0)
            throw new IllegalArgumentException(
                    "heads: RoPE needs an even head size, hiddenSize/heads = " + hiddenSize / heads);
    }

    /** The paper's HRM: 27,275,266 parameters on Sudoku. */
    public static final HrmConfig PAPER = new HrmConfig(512, 8, 4, 4, 4, 2, 2, 16, 1, PositionEncoding.ROPE);
    // DEVIATION: hidden 128 and 2+2 layers on cpu (paper 512, 4+4).
    public static final HrmConfig SMALL = new HrmConfig(128, 4, 4, 2, 2, 2, 2, 16, 1, PositionEncoding.ROPE);
    // DEVIATION: smoke size: hidden 32, 1+1 layers, N_sup 4.
    public static final HrmConfig TINY = new HrmConfig(32, 2, 4, 1, 1, 2, 2, 4, 1, PositionEncoding.ROPE);

    public static HrmConfig of(Profile p) {
        return switch (p) {
            case SMOKE -> TINY;
            case CPU -> SMALL;
            case GPU -> PAPER;
        };
    }

    /** N and T, e.g. Table 3's depth-matched sweep. */
    public HrmConfig withSize(int hidden, int headCount) {
        return new HrmConfig(
                hidden,
                headCount,
                expansion,
                highLayers,
                lowLayers,
                highCycles,
                lowCycles,
                supervisionSteps,
                prefixLength,
                positions);
    }

    public HrmConfig withCycles(int n, int t) {
        return new HrmConfig(
                hiddenSize, heads, expansion, highLayers, lowLayers, n, t, supervisionSteps, prefixLength, positions);
    }

    @Override
    public int computeDepth() {
        return highCycles * (lowCycles * lowLayers + highLayers);
    }

    @Override
    public int gradientDepth() {
        return lowLayers + highLayers;
    }

    @Override
    public String depthFormula() {
        return "N(T·L_layers + H_layers) = " + highCycles + "·(" + lowCycles + "·" + lowLayers + "+" + highLayers
                + ") = " + computeDepth();
    }

    @Override
    public HierarchicalReasoningModel build(TaskShape task, long seed) {
        return HierarchicalReasoningModel.create(this, task, seed, DataType.FLOAT32);
    }
}
