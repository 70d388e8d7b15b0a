package org.looplab.model;

import ai.djl.ndarray.NDArray;

/** The half of a {@link ReasoningBlock} that moves information between positions, post-norm included. */
interface SequenceMixer {
    /** {@code [batch, seq, hidden] -> [batch, seq, hidden]}, already residual-added and normalised. */
    NDArray mix(NDArray h);
}
