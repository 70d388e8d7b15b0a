package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The answer head (hidden → vocab, no bias, not tied to the embedding: tying hurt, TRM appendix) and the halt head
 * (hidden → 2 with bias: q_halt, q_continue), both reading the answer latent.
 */
final class OutputHeads {
    private final Linear answer; // [vocab, hidden]
    private final Linear halt; // [2, hidden] + [2]
    private final int prefixLength;

    OutputHeads(Weights w, TaskShape task, int hidden, int prefixLength) {
        this.prefixLength = prefixLength;
        this.answer = Linear.of(w, "head.answer", hidden, task.vocabSize());
        // Weight 0, bias -5: sigmoid(-5) ≈ 0.007, so nothing halts before the head has learned when to.
        this.halt = new Linear(
                w.constant("head.halt.weight", new Shape(2, hidden), 0f, Weights.Kind.PARAMETER),
                w.constant("head.halt.bias", new Shape(2), -5f, Weights.Kind.PARAMETER));
    }

    Readout read(NDArray y) { // y: [B, prefix + cells, D]
        NDArray logits = answer.forward(y.get(new NDIndex(":, " + prefixLength + ":"))); // [B, cells, vocab]
        NDArray q = halt.forward(y.get(new NDIndex(":, 0"))); // [B, 2], from prefix position 0
        return new Readout(logits, q.get(new NDIndex(":, 0")), q.get(new NDIndex(":, 1")));
    }
}
