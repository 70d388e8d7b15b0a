package org.looplab.kernel.maven;

import org.looplab.kernel.CellFailure;

/** %maven or %loadFromPOM could not resolve what it was asked for; the message names the artifact and why. */
public final class ResolutionFailure extends CellFailure {

    public ResolutionFailure(String message) {
        super(message);
    }
}
