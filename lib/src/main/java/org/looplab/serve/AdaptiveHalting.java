package org.looplab.serve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import org.looplab.model.Latents;
import org.looplab.model.NoGrad;
import org.looplab.model.Readout;
import org.looplab.model.ReasoningModel;

/**
 * Test-time halting for a batch (training teaches the halt head, TRM code trm.py L268-287; this is how a caller uses
 * it): run supervision
 * steps k = 1, 2, ... and let each puzzle stop at the first step where sigmoid(q_halt) reaches its threshold, or at
 * its own step budget. The batch goes on until every puzzle has stopped; rows that stopped keep being computed
 * (cheaper than reshaping the batch) but their answer is the one from their stopping step.
 *
 * <p>NoGrad: this runs on whichever thread calls it, and grad mode is per thread (docs/djl-pitfalls.md §4).
 */
public final class AdaptiveHalting {
    private AdaptiveHalting() {}

    /**
     * @param tokens     {@code [batch][cells]} input token ids
     * @param maxSteps   per puzzle, 1..N_sup
     * @param thresholds per puzzle, the halt probability that stops it
     */
    public static Inference[] run(ReasoningModel model, long[][] tokens, int[] maxSteps, float[] thresholds) {
        int batch = tokens.length;
        int limit = 0;
        for (int m : maxSteps) limit = Math.max(limit, m);
        if (limit > model.config().supervisionSteps())
            throw new IllegalArgumentException("max steps " + limit + " > N_sup " + model.config().supervisionSteps());
        Inference[] out = new Inference[batch];
        int open = batch;
        try (NoGrad off = NoGrad.open(); NDScope whole = new NDScope();
             NDManager inputs = model.manager().newSubManager()) {
            NDArray x = model.embed(inputs.create(tokens), inputs.create(new long[batch])); // [B, S, D]
            Latents carry = model.initialLatents(batch);
            for (int k = 1; k <= limit && open > 0; k++) {
                Latents next;
                long[] predicted;
                float[] halt;
                try (NDScope step = new NDScope()) {
                    next = model.supervisionStep(carry, x);
                    Readout r = model.readout(next);
                    predicted = r.answerLogits().argMax(-1).toType(DataType.INT64, false).toLongArray(); // [B*cells]
                    halt = Activation.sigmoid(r.haltLogit()).toType(DataType.FLOAT32, false).toFloatArray(); // [B]
                    NDScope.unregister(next.answer(), next.reasoning());
                }
                NDScope.register(next.answer());   // the survivor lives in the whole-call scope...
                NDScope.register(next.reasoning());
                carry.close();                     // ...and the step before it is freed now
                carry = next;
                int cells = predicted.length / batch;
                for (int i = 0; i < batch; i++) {
                    if (out[i] != null) continue;
                    boolean halts = halt[i] >= thresholds[i];
                    if (halts || k >= maxSteps[i]) {
                        long[] row = new long[cells];
                        System.arraycopy(predicted, i * cells, row, 0, cells);
                        out[i] = new Inference(row, k, halt[i], halts);
                        open--;
                    }
                }
            }
        }
        return out;
    }
}
