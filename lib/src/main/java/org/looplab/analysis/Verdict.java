package org.looplab.analysis;

import java.util.Locale;

/** What our runs say about a claim of the deck or a paper. Computed from results, never written in advance. */
public enum Verdict {
    SUPPORTED,
    CONTRADICTED,
    INCONCLUSIVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
