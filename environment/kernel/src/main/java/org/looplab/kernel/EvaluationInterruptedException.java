package org.looplab.kernel;

/** The user interrupted the cell (Jupyter's interrupt_request). */
public final class EvaluationInterruptedException extends CellFailure {

    public EvaluationInterruptedException() {
        super("Evaluation interrupted.");
    }
}
