package org.looplab.analysis;

import org.looplab.model.DirectConfig;
import org.looplab.model.HrmConfig;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;

/**
 * What one halting step costs, for reading halting counts in the deck's unit and in the papers'. The deck (slide 04)
 * counts an <em>iteration</em>: one z-update, then one y-update, then a halt check. TRM checks halting once per
 * supervision step, which holds T rounds of n z-updates and one y-update: T(n+1) net calls. The two units agree only
 * when n = 1 and T = 1, the deck's picture.
 *
 * @param answerUpdatesPerStep y-updates per supervision step (TRM: T; HRM: N high-level updates; direct: 1)
 * @param netCallsPerStep      applications of the net per supervision step (TRM: T(n+1); HRM: N(T+1); direct: 1)
 * @param formula              how the two were computed, e.g. "T = 2; T(n+1) = 2·(3+1) = 8"
 */
public record HaltingUnits(int answerUpdatesPerStep, int netCallsPerStep, String formula) {

    public static HaltingUnits of(ModelConfig config) {
        if (config instanceof TrmConfig t) {
            int calls = t.recursions() * (t.latentSteps() + 1);
            return new HaltingUnits(
                    t.recursions(),
                    calls,
                    "T = " + t.recursions() + " y-updates; T(n+1) = " + t.recursions() + "·(" + t.latentSteps()
                            + "+1) = " + calls + " net calls");
        }
        if (config instanceof HrmConfig h) {
            int calls = h.highCycles() * (h.lowCycles() + 1);
            return new HaltingUnits(
                    h.highCycles(),
                    calls,
                    "N = " + h.highCycles() + " z_H-updates; N(T+1) = " + h.highCycles() + "·(" + h.lowCycles()
                            + "+1) = " + calls + " net calls");
        }
        if (config instanceof DirectConfig) return new HaltingUnits(1, 1, "one pass of the stack");
        throw new IllegalArgumentException("no halting units for " + config);
    }

    /** True when one supervision step is one deck iteration (one z-update and one y-update). */
    public boolean sameAsDeckIteration() {
        return answerUpdatesPerStep == 1 && netCallsPerStep == 2;
    }
}
