package org.looplab.kernel;

/** The cell ends inside a statement or declaration, e.g. an unclosed brace. */
public final class IncompleteSourceException extends CellFailure {

    public IncompleteSourceException(String source) {
        super("Incomplete input: " + source);
    }
}
