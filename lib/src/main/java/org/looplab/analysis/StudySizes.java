package org.looplab.analysis;

import org.looplab.Profile;

/**
 * How many held-out puzzles the notebooks' analyses look at under each profile. A profile changes these numbers,
 * never the analysis: the smoke profile (the notebook tests) keeps a notebook to seconds, so it never traces a full
 * 9×9 test split; cpu and gpu measure up to 1,000 puzzles, the size of the committed halting records.
 *
 * @param haltingPuzzles  first rows of the test split that halting is measured on ({@link StudiedModel#halting})
 * @param tracedPuzzles   puzzles the trace viewer plays ({@link StudiedModel#traces})
 * @param traceCandidates first rows of the test split the traced puzzles are picked from, by difficulty
 */
public record StudySizes(int haltingPuzzles, int tracedPuzzles, int traceCandidates) {

    public StudySizes {
        if (haltingPuzzles < 1 || tracedPuzzles < 1 || traceCandidates < tracedPuzzles)
            throw new IllegalArgumentException("need haltingPuzzles >= 1 and 1 <= tracedPuzzles <= traceCandidates;"
                    + " was " + haltingPuzzles + ", " + tracedPuzzles + ", " + traceCandidates);
    }

    public static StudySizes of(Profile p) {
        return switch (p) {
            // A smoke test split holds 16 (9×9) to 32 (4×4, 6×6) puzzles: all of them, in seconds.
            case SMOKE -> new StudySizes(32, 4, 32);
            case CPU, GPU -> new StudySizes(1000, 8, 500);
        };
    }
}
