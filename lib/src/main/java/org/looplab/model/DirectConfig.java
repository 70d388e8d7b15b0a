package org.looplab.model;

import ai.djl.ndarray.types.DataType;
import org.looplab.Profile;

/**
 * The papers' "Direct pred" row: one pass of a deeper stack, no recursion, no carry (8 layers ≈ HRM's 27M).
 *
 * @param layers       blocks in the one pass (8)
 * @param prefixLength puzzle-id prefix positions (1, as HRM)
 */
public record DirectConfig(
        int hiddenSize,
        int heads,
        double expansion,
        int layers,
        Mixer mixer,
        PositionEncoding positions,
        int prefixLength)
        implements ModelConfig {

    public DirectConfig {
        ModelConfig.positive("hiddenSize", hiddenSize);
        ModelConfig.headsDivide(hiddenSize, heads);
        if (!(expansion > 0)) throw new IllegalArgumentException("expansion must be > 0, was " + expansion);
        ModelConfig.positive("layers", layers);
        ModelConfig.required("mixer", mixer);
        ModelConfig.required("positions", positions);
        ModelConfig.positive("prefixLength", prefixLength);
        if (mixer == Mixer.ATTENTION && positions == PositionEncoding.ROPE && (hiddenSize / heads) % 2 != 0)
            throw new IllegalArgumentException(
                    "heads: RoPE needs an even head size, hiddenSize/heads = " + hiddenSize / heads);
    }

    public static final DirectConfig PAPER = new DirectConfig(512, 8, 4, 8, Mixer.ATTENTION, PositionEncoding.ROPE, 1);
    // DEVIATION: hidden 128 on cpu, hidden 32 and 4 layers on smoke (paper 512, 8).
    public static final DirectConfig SMALL = new DirectConfig(128, 4, 4, 8, Mixer.ATTENTION, PositionEncoding.ROPE, 1);
    public static final DirectConfig TINY = new DirectConfig(32, 2, 4, 4, Mixer.ATTENTION, PositionEncoding.ROPE, 1);

    public static DirectConfig of(Profile p) {
        return switch (p) {
            case SMOKE -> TINY;
            case CPU -> SMALL;
            case GPU -> PAPER;
        };
    }

    /** No recursion and no carry, so one supervision step is all there is. */
    @Override
    public int supervisionSteps() {
        return 1;
    }

    @Override
    public int computeDepth() {
        return layers;
    }

    @Override
    public int gradientDepth() {
        return layers;
    }

    @Override
    public String depthFormula() {
        return "layers = " + layers;
    }

    @Override
    public DirectModel build(TaskShape task, long seed) {
        return DirectModel.create(this, task, seed, DataType.FLOAT32);
    }
}
