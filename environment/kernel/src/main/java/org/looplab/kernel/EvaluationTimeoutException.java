package org.looplab.kernel;

/** A snippet ran longer than IJAVA_TIMEOUT; unlike IJava, the kernel also stops it (see LiveValueExecutionControl). */
public final class EvaluationTimeoutException extends CellFailure {

    public EvaluationTimeoutException(EvaluationTimeout timeout) {
        super("Evaluation timed out after " + timeout + " (IJAVA_TIMEOUT).");
    }
}
