package org.looplab.kernel;

/** A magic was called wrongly: a glob that matches nothing, a missing file, a missing argument. */
public final class MagicArgumentException extends CellFailure {

    public MagicArgumentException(String magic, String problem) {
        super("%" + magic + ": " + problem);
    }
}
