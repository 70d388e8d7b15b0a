package org.looplab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * TRM (Jolicoeur-Martineau 2025): one tiny net, applied over and over. x is the question, y the current answer,
 * z the latent reasoning; the net tells "think" from "revise" only by whether x is in its input.
 */
public final class TinyRecursiveModel extends ModelParts {
    private final TrmConfig cfg;
    private final ReasoningNet net; // the one 2-layer net (code: L_level)
    private final OutputHeads heads;

    /** Runs {@code rounds} rounds; each is n thinking updates of z, then one revision of y (paper Fig. 3). */
    public Latents recurse(Latents s, NDArray x, int rounds) { // rounds: T in the paper
        NDArray y = s.answer(), z = s.reasoning();
        for (int r = 0; r < rounds; r++) {
            NDArray question = x.add(y); // y holds still while z thinks: add it once
            for (int i = 0; i < cfg.latentSteps(); i++) { // n in the paper
                z = net.apply(question.add(z)); // think: only this update sees the question x...
            }
            y = net.apply(y.add(z)); // ...which is how one net knows it is revising y
        }
        return new Latents(y, z);
    }

    /**
     * One supervision step: T-1 rounds that build no graph, then one round that learns, back-propagated through all
     * of its n+1 net calls. NoGrad is explicit because grad mode is per thread (see {@link NoGrad}). With
     * {@link Backprop#ONE_STEP} (the paper's "w/ 1-step gradient" ablation) the first n-1 thinking updates of the
     * last round also run without graph, so only the last z-update and the y-update learn; the values computed are
     * identical, only the gradient's reach differs.
     */
    @Override
    public Latents supervisionStep(Latents s, NDArray x) {
        Latents warm;
        try (var off = NoGrad.open()) {
            warm = recurse(s, x, cfg.recursions() - 1);
            if (cfg.backprop() == Backprop.ONE_STEP) warm = think(warm, x, cfg.latentSteps() - 1);
        }
        if (cfg.backprop() == Backprop.ONE_STEP) {
            NDArray z = net.apply(x.add(warm.answer()).add(warm.reasoning())); // the last thinking update
            return new Latents(net.apply(warm.answer().add(z)), z); // and the revision of y
        }
        return recurse(warm, x, 1);
    }

    /** {@code steps} thinking updates of z alone (y unchanged): the first part of a round. */
    private Latents think(Latents s, NDArray x, int steps) {
        NDArray y = s.answer(), z = s.reasoning();
        NDArray question = x.add(y);
        for (int i = 0; i < steps; i++) z = net.apply(question.add(z));
        return new Latents(y, z);
    }

    private TinyRecursiveModel(TrmConfig cfg, TaskShape task, long seed, Weights w) {
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
        this.net = new ReasoningNet(
                w, "net", cfg.layers(), cfg.mixer(), cfg.hiddenSize(), cfg.heads(), cfg.expansion(), seqLen, rope);
        this.heads = makeHeads(cfg.prefixLength());
        w.checkAllUsed();
    }

    /** A fresh model; {@code dtype} FLOAT64 only for gradient checks (bf16 aborts the JVM, docs/djl-pitfalls.md §2). */
    public static TinyRecursiveModel create(TrmConfig cfg, TaskShape task, long seed, DataType dtype) {
        Weights w = Weights.fresh(Engine.getInstance().newBaseManager(), dtype, seed);
        return build(cfg, task, seed, w);
    }

    static TinyRecursiveModel build(TrmConfig cfg, TaskShape task, long seed, Weights w) {
        try {
            return new TinyRecursiveModel(cfg, task, seed, w);
        } catch (RuntimeException e) {
            w.manager().close();
            throw e;
        }
    }

    @Override
    public TrmConfig config() {
        return cfg;
    }

    @Override
    OutputHeads outputHeads() {
        return heads;
    }
}
