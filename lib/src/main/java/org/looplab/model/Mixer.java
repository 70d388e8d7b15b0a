package org.looplab.model;

/** How a {@link ReasoningBlock} mixes information across positions: the TRM paper's attention-vs-MLP ablation. */
public enum Mixer {
    /** Bidirectional multi-head self-attention (TRM-Att, HRM). */
    ATTENTION,
    /** A SwiGLU over the sequence axis, MLP-Mixer style (TRM-MLP, "mlp_t"); position-specific, so no RoPE needed. */
    MLP
}
