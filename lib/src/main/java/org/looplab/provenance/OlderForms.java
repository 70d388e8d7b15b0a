package org.looplab.provenance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a stored record whose older JSON forms {@link Json} rewrites to the current form before binding it. Files
 * written by earlier LoopLab versions (the shipped checkpoints, committed results, a colleague's run folder) keep
 * loading, and are then checked as strictly as new ones: the upgrade only renames and restructures, it never
 * invents a measured number. It applies wherever the type is read, also nested in another file.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OlderForms {

    /** The rewrite; needs a public no-argument constructor. */
    Class<? extends Upgrade> value();

    /** Rewrites a stored object in place to the current form; a current object must come back unchanged. */
    interface Upgrade {
        ObjectNode apply(ObjectNode stored);
    }
}
