package org.looplab.kernel;

import java.util.List;

/** A snippet used a method or class that refers to something never declared (JShell accepts such declarations). */
public final class UnresolvedDependencyException extends CellFailure {

    public UnresolvedDependencyException(String declaration, List<String> missing) {
        super("'" + declaration + "' cannot be used until these are declared: " + String.join(", ", missing));
    }
}
