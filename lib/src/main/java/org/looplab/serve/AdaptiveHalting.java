package org.looplab.serve;

import java.util.ArrayList;
import java.util.List;
import org.looplab.model.BatchInference;
import org.looplab.model.HaltingRule;
import org.looplab.model.PuzzleRun;
import org.looplab.model.ReasoningModel;

/**
 * Test-time halting for the service's batches: each request brings its own threshold and step budget, and each puzzle
 * stops where its model's rule says ({@link HaltingRule#of}: TRM at the request's threshold on sigmoid(q_halt), HRM
 * when q_halt > q_continue, which has no threshold) or at its budget. Stopped puzzles leave the batch
 * ({@link BatchInference}), so a batch costs what its puzzles need, not what its slowest one needs.
 */
public final class AdaptiveHalting {
    private AdaptiveHalting() {}

    /**
     * @param tokens     {@code [batch][cells]} input token ids
     * @param maxSteps   per puzzle, 1..N_sup
     * @param thresholds per puzzle, the halt probability that stops it (TRM)
     */
    public static PuzzleRun[] run(ReasoningModel model, long[][] tokens, int[] maxSteps, float[] thresholds) {
        List<HaltingRule> rules = new ArrayList<>(tokens.length);
        for (float t : thresholds) rules.add(HaltingRule.of(model, t));
        return BatchInference.run(
                model, tokens, new long[tokens.length], rules, maxSteps, BatchInference.Keep.EXIT_ANSWER, null);
    }
}
