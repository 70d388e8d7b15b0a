package org.looplab.model;

import ai.djl.ndarray.NDArray;

/** {@code x·Wᵀ (+ b)} on raw arrays; weight {@code [out, in]} as in torch's F.linear. No bias except in the halt head. */
final class Linear {
    final NDArray weight;
    final NDArray bias; // null: the reference has no biases anywhere but the Q head

    Linear(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    /** A bias-free linear with truncated LeCun normal init. */
    static Linear of(Weights w, String name, long in, long out) {
        return new Linear(w.linear(name, out, in), null);
    }

    NDArray forward(NDArray x) { // [..., in] -> [..., out]
        return (bias == null ? ai.djl.nn.core.Linear.linear(x, weight) : ai.djl.nn.core.Linear.linear(x, weight, bias))
                .singletonOrThrow();
    }
}
