package org.looplab.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metrics line: averages over the steps since the previous line. Train-time accuracies follow the reference's
 * convention (TRM code losses.py L73-83): the loss is over all slots every step, accuracy and steps over the slots that
 * halted. {@code evalExact}/{@code evalCell} are NaN unless this line ran a held-out evaluation (EMA weights, all
 * N_sup steps).
 *
 * @param step          optimiser steps done
 * @param seconds       training wall time so far (across resumes)
 * @param learningRate  AdamW rate at this step
 * @param loss          answer + 0.5 · (halt [+ continue])
 * @param answerLoss    stable-max cross-entropy
 * @param haltLoss      BCE of the halt logit against "answer exactly right"
 * @param continueLoss  HRM's Q-continue BCE (NaN for TRM)
 * @param trainExact    exact-match over all slots at their current step (training puzzles: not a result)
 * @param haltedExact   exact-match over slots that halted in the window
 * @param haltedSteps   mean supervision steps of the slots that halted
 * @param evalExact     held-out exact-match (NaN when not evaluated)
 * @param evalCell      held-out per-cell accuracy (NaN when not evaluated)
 * @param skipped       updates skipped in the window because a gradient was not finite
 */
public record TrainingMetrics(
        long step,
        double seconds,
        double learningRate,
        double loss,
        double answerLoss,
        double haltLoss,
        double continueLoss,
        double trainExact,
        double haltedExact,
        double haltedSteps,
        double evalExact,
        double evalCell,
        long skipped) {

    /** As a metrics.jsonl line; NaN values are left out (JSON has no NaN). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        put(m, "seconds", seconds);
        put(m, "lr", learningRate);
        put(m, "loss", loss);
        put(m, "answer_loss", answerLoss);
        put(m, "halt_loss", haltLoss);
        put(m, "continue_loss", continueLoss);
        put(m, "train_exact", trainExact);
        put(m, "halted_exact", haltedExact);
        put(m, "halted_steps", haltedSteps);
        put(m, "eval_exact", evalExact);
        put(m, "eval_cell", evalCell);
        m.put("skipped", skipped);
        return m;
    }

    /** Reads a line written by {@link #asMap()} (absent values come back as NaN). */
    public static TrainingMetrics fromJson(com.fasterxml.jackson.databind.JsonNode n) {
        return new TrainingMetrics(
                n.path("step").asLong(),
                num(n, "seconds"),
                num(n, "lr"),
                num(n, "loss"),
                num(n, "answer_loss"),
                num(n, "halt_loss"),
                num(n, "continue_loss"),
                num(n, "train_exact"),
                num(n, "halted_exact"),
                num(n, "halted_steps"),
                num(n, "eval_exact"),
                num(n, "eval_cell"),
                n.path("skipped").asLong());
    }

    public boolean evaluated() {
        return !Double.isNaN(evalExact);
    }

    private static double num(com.fasterxml.jackson.databind.JsonNode n, String key) {
        return n.has(key) ? n.get(key).asDouble() : Double.NaN;
    }

    private static void put(Map<String, Object> m, String key, double v) {
        if (!Double.isNaN(v)) m.put(key, Math.round(v * 1e6) / 1e6);
    }
}
