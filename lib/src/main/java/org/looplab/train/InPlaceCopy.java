package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import org.looplab.model.NoGrad;

/**
 * Copies one array's values into another, keeping the target's own memory. Not DJL's {@code copyTo}: on the
 * PyTorch engine it goes through a Java buffer and {@code set_}s the target's storage to that buffer, so a weight
 * copied that way (EMA swap, resume) afterwards lives in JVM-owned memory at an alignment that differs run to run,
 * and identical runs part in the last bits once a checkpoint or evaluation has swapped the EMA weights in.
 */
final class InPlaceCopy {
    private InPlaceCopy() {}

    static void copy(NDArray from, NDArray into) {
        if (!from.getShape().equals(into.getShape()))
            throw new IllegalArgumentException("cannot copy " + from.getShape() + " into " + into.getShape());
        // no graph: the targets are often weights (leaves that require gradients); a scope for any temporaries
        try (var off = NoGrad.open();
                NDScope local = new NDScope()) {
            into.set(new NDIndex("..."), from);
        }
    }
}
