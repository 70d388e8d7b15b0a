package org.looplab.kernel;

/**
 * A cell failed for a reason the kernel itself found (not an exception thrown by the cell's code). Its message says
 * all there is to say, so the error output shows no kernel stack trace; {@code ename} is the subclass's simple name.
 */
public abstract class CellFailure extends RuntimeException {

    protected CellFailure(String message) {
        super(message);
    }

    protected CellFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
