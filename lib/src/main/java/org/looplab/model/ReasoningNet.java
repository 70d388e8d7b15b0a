package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link ReasoningBlock}s: TRM's one tiny net (2 layers), HRM's L or H module (4 layers), or the direct
 * baseline (8 layers). Input injection happens outside: callers pass the sum {@code z + y + x}.
 */
final class ReasoningNet {
    private final List<ReasoningBlock> blocks = new ArrayList<>();

    ReasoningNet(
            Weights w,
            String name,
            int layers,
            Mixer mixer,
            int hidden,
            int heads,
            double expansion,
            int seqLen,
            RotaryEmbedding rope) {
        for (int i = 0; i < layers; i++)
            blocks.add(ReasoningBlock.of(w, name + "." + i, mixer, hidden, heads, expansion, seqLen, rope));
    }

    int layers() {
        return blocks.size();
    }

    /**
     * {@code [B, S, D] -> [B, S, D]}. Intermediates are closed as soon as the call returns (docs/djl-pitfalls.md §1):
     * DJL frees nothing until close, and autograd keeps its own references to what backward needs. The output is
     * handed to the caller's scope, if any.
     */
    NDArray apply(NDArray h) {
        NDArray out;
        try (NDScope call = new NDScope()) {
            out = h;
            for (ReasoningBlock b : blocks) out = b.forward(out);
            NDScope.unregister(out);
        }
        NDScope.register(out);
        return out;
    }
}
