package org.looplab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The "Direct pred" baseline: the same blocks, stacked deeper, applied once. It has no carry: the step ignores the
 * latents it is given, so depth comes from layers alone (8 layers ≈ HRM's 27M parameters).
 */
public final class DirectModel extends ModelParts {
    private final DirectConfig cfg;
    private final ReasoningNet stack;
    private final OutputHeads heads;

    /** One pass: the answer latent is the stack's output; it is also reported as the "reasoning" latent. */
    @Override
    public Latents supervisionStep(Latents ignored, NDArray x) {
        NDArray y = stack.apply(x);
        return new Latents(y, y);
    }

    private DirectModel(DirectConfig cfg, TaskShape task, long seed, Weights w) {
        super(
                task,
                seed,
                w,
                cfg.hiddenSize(),
                cfg.heads(),
                cfg.prefixLength(),
                cfg.positions(),
                cfg.mixer() == Mixer.ATTENTION);
        this.cfg = cfg;
        this.stack = new ReasoningNet(
                w, "net", cfg.layers(), cfg.mixer(), cfg.hiddenSize(), cfg.heads(), cfg.expansion(), seqLen, rope);
        this.heads = makeHeads(cfg.prefixLength());
        w.checkAllUsed();
    }

    public static DirectModel create(DirectConfig cfg, TaskShape task, long seed, DataType dtype) {
        return build(cfg, task, seed, Weights.fresh(Engine.getInstance().newBaseManager(), dtype, seed));
    }

    static DirectModel build(DirectConfig cfg, TaskShape task, long seed, Weights w) {
        try {
            return new DirectModel(cfg, task, seed, w);
        } catch (RuntimeException e) {
            w.manager().close();
            throw e;
        }
    }

    @Override
    public DirectConfig config() {
        return cfg;
    }

    @Override
    OutputHeads outputHeads() {
        return heads;
    }
}
