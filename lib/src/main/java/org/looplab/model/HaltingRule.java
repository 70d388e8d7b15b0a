package org.looplab.model;

import java.util.Locale;

/**
 * When a puzzle stops at test time: the one place the halting decision is written. The rules are the ones the
 * models train with (TRM code {@code models/recursive_reasoning/trm.py}: {@code q_halt_logit > 0}; HRM code
 * {@code models/hrm/hrm_act_v1.py}: {@code q_halt > q_continue}); the trainer adds exploration on top.
 *
 * <p>Each rule reads what the halt head said after a supervision step: q_halt, q_continue, and sigmoid(q_halt) as
 * the model computed it (float32; a probability recomputed in double can land on the other side of 0.9).
 */
public sealed interface HaltingRule {

    /** Whether a puzzle stops after a step whose halt head read these values. */
    boolean halts(float haltProbability, float haltLogit, float continueLogit);

    /** How a table or an answer names the rule: {@code sigmoid(q_halt) >= 0.5}, {@code q_halt > q_continue}, ... */
    String describe();

    /** The most steps the rule allows a model with {@code supervisionSteps} N_sup. */
    default int cap(int supervisionSteps) {
        return supervisionSteps;
    }

    /**
     * The step (1-based) at which the rule stops a puzzle whose halt head read {@code signals}, at most {@code cap};
     * {@code cap} also when the rule never fires before it.
     */
    default int exitStep(HaltSignals signals, int cap) {
        int h = firstHalt(signals);
        int limit = Math.min(cap, signals.steps());
        return h == 0 ? limit : Math.min(h, limit);
    }

    /** The first step (1-based) at which the rule fires, or 0 when it never does. */
    default int firstHalt(HaltSignals s) {
        for (int k = 1; k <= s.steps(); k++)
            if (halts(s.probability()[k - 1], s.haltLogit()[k - 1], s.continueLogit()[k - 1])) return k;
        return 0;
    }

    /** TRM's rule: stop once sigmoid(q_halt) reaches {@code threshold} (0.5 = a positive halt logit). */
    static HaltingRule threshold(double threshold) {
        return new HaltProbability(threshold);
    }

    /**
     * The rule a model was trained with: HRM's Q-learning halts when q_halt > q_continue; TRM (no_ACT_continue) and
     * the direct baseline read sigmoid(q_halt) against {@code threshold}.
     */
    static HaltingRule of(ReasoningModel model, double threshold) {
        return model.config() instanceof HrmConfig ? new QHaltOverContinue() : threshold(threshold);
    }

    /**
     * @param threshold in (0, 1]; compared in float, as the model's probability is stored (0.9f is below the double
     *                  0.9, yet the model said 0.9)
     */
    record HaltProbability(double threshold) implements HaltingRule {
        public HaltProbability {
            if (!(threshold >= 0 && threshold <= 1))
                throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
        }

        @Override
        public boolean halts(float haltProbability, float haltLogit, float continueLogit) {
            return haltProbability >= (float) threshold;
        }

        @Override
        public String describe() {
            return "sigmoid(q_halt) >= "
                    + String.format(Locale.ROOT, "%.2f", threshold).replaceAll("\\.?0+$", "");
        }
    }

    /** HRM's rule (its ACT Q-head, {@code hrm_act_v1.py}): halt when the halting value beats the continuing value. */
    record QHaltOverContinue() implements HaltingRule {
        @Override
        public boolean halts(float haltProbability, float haltLogit, float continueLogit) {
            return haltLogit > continueLogit;
        }

        @Override
        public String describe() {
            return "q_halt > q_continue";
        }
    }

    /** No halting: every puzzle runs exactly {@code steps} supervision steps (the reference's evaluation at N_sup). */
    record FixedSteps(int steps) implements HaltingRule {
        public FixedSteps {
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }

        @Override
        public boolean halts(float haltProbability, float haltLogit, float continueLogit) {
            return false;
        }

        @Override
        public int cap(int supervisionSteps) {
            return Math.min(steps, supervisionSteps);
        }

        @Override
        public String describe() {
            return "fixed " + steps + " steps";
        }
    }
}
