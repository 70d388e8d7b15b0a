package org.looplab.model;

import ai.djl.ndarray.NDArray;

/**
 * Bidirectional multi-head self-attention, fused QKV, no biases, scale 1/sqrt(head_dim), then
 * {@code RMSNorm(h + attn(h))}. DJL exposes no fused SDPA, so it is matmul, softmax, matmul.
 */
final class AttentionMixer implements SequenceMixer {
    private final Linear qkv; // [3·hidden, hidden]
    private final Linear out; // [hidden, hidden]
    private final RotaryEmbedding rope; // null: no position encoding
    private final int heads, headDim;
    private final float scale;

    AttentionMixer(Weights w, String name, int hidden, int heads, RotaryEmbedding rope) {
        this.heads = heads;
        this.headDim = hidden / heads;
        this.qkv = Linear.of(w, name + ".qkv", hidden, 3L * hidden);
        this.out = Linear.of(w, name + ".out", hidden, hidden);
        this.rope = rope;
        this.scale = (float) (1.0 / Math.sqrt(headDim));
    }

    @Override
    public NDArray mix(NDArray h) {
        long b = h.getShape().get(0), s = h.getShape().get(1);
        NDArray all = qkv.forward(h).reshape(b, s, 3, heads, headDim).transpose(2, 0, 3, 1, 4); // [3, B, H, S, hd]
        NDArray q = all.get(0), k = all.get(1), v = all.get(2);
        if (rope != null) {
            q = rope.apply(q);
            k = rope.apply(k);
        }
        NDArray weights = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).softmax(-1); // [B, H, S, S], no mask
        NDArray mixed = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, s, (long) heads * headDim); // [B, S, D]
        return RmsNorm.apply(h.add(out.forward(mixed)));
    }
}
