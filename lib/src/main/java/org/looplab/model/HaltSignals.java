package org.looplab.model;

/**
 * What the halt head said after each supervision step of one puzzle, index k − 1 for step k.
 *
 * @param probability   sigmoid(q_halt) as the model computed it: its belief that the current answer is right
 * @param haltLogit     q_halt
 * @param continueLogit q_continue (HRM's Q-learning target; TRM trains without it, no_ACT_continue)
 */
public record HaltSignals(float[] probability, float[] haltLogit, float[] continueLogit) {

    public HaltSignals {
        if (haltLogit.length != probability.length || continueLogit.length != probability.length)
            throw new IllegalArgumentException(probability.length + " halt probabilities but " + haltLogit.length
                    + " q_halt and " + continueLogit.length + " q_continue values");
    }

    /**
     * Signals known only as probabilities (hand-made tables, old traces): q_halt = logit(p), q_continue unknown
     * (NaN, so HRM's rule never fires on them).
     */
    public static HaltSignals ofProbabilities(float[] probability) {
        float[] halt = new float[probability.length], cont = new float[probability.length];
        for (int k = 0; k < probability.length; k++) {
            halt[k] = (float) Math.log(probability[k] / (1.0 - probability[k]));
            cont[k] = Float.NaN;
        }
        return new HaltSignals(probability, halt, cont);
    }

    /** How many steps were read. */
    public int steps() {
        return probability.length;
    }
}
