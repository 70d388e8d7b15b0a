package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

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
        // split, not get(i): views whose backward is one concatenation, not a zero fill and a copy per part
        NDList qkvParts = qkv.forward(h).split(3, 2); // q, k, v [B, S, D]
        NDArray q = perHead(qkvParts.get(0), b, s), k = perHead(qkvParts.get(1), b, s);
        NDArray v = perHead(qkvParts.get(2), b, s);
        // 1/sqrt(hd) goes on q (inside RoPE's tables when there is RoPE), not on the 4× larger scores [B, H, S, S]
        q = rope != null ? rope.applyScaled(q) : q.mul(Scalar.like(q, scale));
        if (rope != null) k = rope.apply(k);
        NDArray weights = q.matMul(k.transpose(0, 1, 3, 2)).softmax(-1); // [B, H, S, S], no mask
        NDArray mixed = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, s, (long) heads * headDim); // [B, S, D]
        return RmsNorm.apply(h.add(out.forward(mixed)));
    }

    private NDArray perHead(NDArray x, long b, long s) { // [B, S, D] -> [B, H, S, hd], a view
        return x.reshape(b, s, heads, headDim).transpose(0, 2, 1, 3);
    }
}
