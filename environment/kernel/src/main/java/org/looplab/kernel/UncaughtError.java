package org.looplab.kernel;

/**
 * Carries an {@link Error} thrown by a cell (StackOverflowError, ...; an OutOfMemoryError becomes
 * {@link CellOutOfMemory} once it reaches the kernel). Exceptions reach Jupyter as
 * themselves, so {@code ename} is their own simple name; an Error cannot, because jjava-jupyter's request loop only
 * catches {@link Exception} and an Error escaping it would end the kernel's shell thread.
 */
public final class UncaughtError extends CellFailure {

    public UncaughtError(Error error) {
        super(error.toString(), error);
    }
}
