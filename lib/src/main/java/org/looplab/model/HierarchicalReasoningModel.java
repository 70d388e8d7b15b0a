package org.looplab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * HRM (Wang et al. 2025): a fast low-level module L and a slow high-level module H, N·T cycles per supervision step,
 * trained with the one-step gradient (only the last L and H update are back-propagated).
 */
public final class HierarchicalReasoningModel extends ModelParts {
    private final HrmConfig cfg;
    private final ReasoningNet low; // f_L, updates z_L every cycle
    private final ReasoningNet high; // f_H, updates z_H once per T low cycles
    private final OutputHeads heads;

    /**
     * One segment: N high cycles of T low updates each. Everything but the last L and the last H update runs without
     * gradient: the paper's 1-step approximation of the fixed-point gradient (HRM code hrm_act_v1.py L180-213; TRM
     * paper §2.2).
     */
    public Latents recurse(Latents s, NDArray x) {
        NDArray zH = s.answer(), zL = s.reasoning();
        try (var off = NoGrad.open()) {
            for (int h = 0; h < cfg.highCycles(); h++) { // N in the paper
                NDArray plan = zH.add(x); // z_H holds still for T low cycles
                for (int l = 0; l < cfg.lowCycles(); l++) { // T in the paper
                    if (h == cfg.highCycles() - 1 && l == cfg.lowCycles() - 1) continue; // kept for the gradient
                    zL = low.apply(zL.add(plan)); // L sees the question and the plan z_H
                }
                if (h < cfg.highCycles() - 1) zH = high.apply(zH.add(zL)); // H sees only what L worked out
            }
        }
        zL = low.apply(zL.add(zH.add(x))); // the two updates that learn
        zH = high.apply(zH.add(zL));
        return new Latents(zH, zL);
    }

    @Override
    public Latents supervisionStep(Latents s, NDArray x) {
        return recurse(s, x);
    }

    private HierarchicalReasoningModel(HrmConfig cfg, TaskShape task, long seed, Weights w) {
        super(task, seed, w, cfg.hiddenSize(), cfg.heads(), cfg.prefixLength(), cfg.positions(), true);
        this.cfg = cfg;
        this.high = new ReasoningNet(
                w,
                "high",
                cfg.highLayers(),
                Mixer.ATTENTION,
                cfg.hiddenSize(),
                cfg.heads(),
                cfg.expansion(),
                seqLen,
                rope);
        this.low = new ReasoningNet(
                w,
                "low",
                cfg.lowLayers(),
                Mixer.ATTENTION,
                cfg.hiddenSize(),
                cfg.heads(),
                cfg.expansion(),
                seqLen,
                rope);
        this.heads = makeHeads(cfg.prefixLength());
        w.checkAllUsed();
    }

    public static HierarchicalReasoningModel create(HrmConfig cfg, TaskShape task, long seed, DataType dtype) {
        return build(cfg, task, seed, Weights.fresh(Engine.getInstance().newBaseManager(), dtype, seed));
    }

    static HierarchicalReasoningModel build(HrmConfig cfg, TaskShape task, long seed, Weights w) {
        try {
            return new HierarchicalReasoningModel(cfg, task, seed, w);
        } catch (RuntimeException e) {
            w.manager().close();
            throw e;
        }
    }

    /** For tests that rebuild the schedule by hand. */
    ReasoningNet low() {
        return low;
    }

    ReasoningNet high() {
        return high;
    }

    @Override
    public HrmConfig config() {
        return cfg;
    }

    @Override
    public Latents.Names latentNames() {
        return Latents.Names.HRM;
    }

    @Override
    OutputHeads outputHeads() {
        return heads;
    }
}
