package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The SwiGLU's gating, written into a buffer the step no longer needs where no autograd graph is being recorded
 * (evaluation, the solver, the recursions TRM runs without gradient): two fresh {@code [batch, positions, inner]}
 * buffers fewer per SwiGLU, the largest arrays of a step. With a graph the out-of-place form stays, since backward
 * needs the sigmoid's output that an in-place product would overwrite. The values are the same to the bit either
 * way: only the operand order of a product changes, and IEEE multiplication is commutative (InPlaceTest).
 *
 * <p>Why not the residual sums too: {@code fx.addi(x)} writes in {@code fx}'s memory order, where {@code x.add(fx)}
 * follows {@code x}'s, which is transposed in the MLP mixer; the RMSNorm after it then sums in another order, and
 * the last bits change (measured: 3e-6 after two steps). Not worth a change of the model's numbers.
 */
final class InPlace {
    private InPlace() {}

    /** {@code silu(gate)·up} = {@code gate·sigmoid(gate)·up}: into the sigmoid's buffer. */
    static NDArray gatedSilu(NDArray gate, NDArray up) {
        if (NoGrad.isRecording()) return gate.mul(Activation.sigmoid(gate)).mul(up);
        return Activation.sigmoid(gate).muli(gate).muli(up);
    }
}
