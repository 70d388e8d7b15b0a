package org.looplab.model;

import ai.djl.ndarray.NDArray;

/** One post-norm layer: {@code h = mix(h); h = RMSNorm(h + SwiGLU(h))}. The mixer is the only thing that varies. */
final class ReasoningBlock {
    private final SequenceMixer mixer;
    private final SwiGlu mlp;

    ReasoningBlock(SequenceMixer mixer, SwiGlu mlp) {
        this.mixer = mixer;
        this.mlp = mlp;
    }

    /** Builds the mixer the config names; the rest of the block is the same for both. */
    static ReasoningBlock of(
            Weights w,
            String name,
            Mixer mixer,
            int hidden,
            int heads,
            double expansion,
            int seqLen,
            RotaryEmbedding rope) {
        SequenceMixer m = switch (mixer) {
            case ATTENTION -> new AttentionMixer(w, name + ".attention", hidden, heads, rope);
            case MLP -> new MlpMixer(w, name + ".mixer", seqLen, expansion);
        };
        return new ReasoningBlock(m, new SwiGlu(w, name + ".mlp", hidden, expansion));
    }

    NDArray forward(NDArray h) { // [B, S, D] -> [B, S, D]
        h = mixer.mix(h);
        return RmsNorm.apply(h.add(mlp.forward(h)));
    }
}
