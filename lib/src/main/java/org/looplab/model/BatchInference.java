package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The one inference path: a batch unrolled for up to N_sup supervision steps without gradient, each puzzle stopped
 * by its {@link HaltingRule} or its step cap. A puzzle that stops leaves the batch (its rows are dropped from the
 * carry and the input), so the work of later steps follows the puzzles still running. Puzzles never interact: each
 * row is computed on its own, so leaving changes no other puzzle's answer (floats may move in the last bits, since
 * the matmuls then have other shapes).
 *
 * <p>Memory: each step's intermediates are freed with the step; only the carry and the input live across steps.
 * NoGrad is opened here because grad mode is per thread and callers run on any (notebook cells, the serving thread).
 */
public final class BatchInference {
    private BatchInference() {}

    /** What each {@link PuzzleRun} keeps of the steps before its exit. */
    public enum Keep {
        /** the answer at the exit step only */
        EXIT_ANSWER,
        /** the answer after every step it ran (the trace and the halting analysis replay them) */
        EVERY_STEP
    }

    /**
     * A look at a step while its latents are alive (the trace summarises them). Arrays are freed after the call.
     *
     * @param rows for each row of the arrays, its puzzle's index in the caller's batch
     */
    @FunctionalInterface
    public interface StepObserver {
        void onStep(int step, int[] rows, Latents before, Latents after);
    }

    /** Every puzzle under one rule, up to the rule's cap on the model's N_sup. */
    public static PuzzleRun[] run(
            ReasoningModel model, long[][] tokens, long[] puzzleIds, HaltingRule rule, Keep keep) {
        int cap = rule.cap(model.config().supervisionSteps());
        int[] caps = new int[tokens.length];
        Arrays.fill(caps, cap);
        return run(model, tokens, puzzleIds, Collections.nCopies(tokens.length, rule), caps, keep, null);
    }

    /**
     * @param tokens    {@code [batch][cells]} input token ids
     * @param puzzleIds {@code [batch]} rows of the puzzle-embedding table
     * @param rules     per puzzle, when it stops
     * @param maxSteps  per puzzle, 1..N_sup: it stops there if its rule has not stopped it before
     * @param observer  called once per step with the latents, or null
     */
    public static PuzzleRun[] run(
            ReasoningModel model,
            long[][] tokens,
            long[] puzzleIds,
            List<HaltingRule> rules,
            int[] maxSteps,
            Keep keep,
            StepObserver observer) {
        int batch = tokens.length, nSup = model.config().supervisionSteps();
        if (batch == 0) throw new IllegalArgumentException("tokens: empty batch");
        if (puzzleIds.length != batch || rules.size() != batch || maxSteps.length != batch)
            throw new IllegalArgumentException(batch + " puzzles but " + puzzleIds.length + " puzzle ids, "
                    + rules.size() + " rules, " + maxSteps.length + " step caps");
        int[] cap = new int[batch];
        int limit = 0;
        for (int i = 0; i < batch; i++) {
            if (maxSteps[i] < 1 || maxSteps[i] > nSup)
                throw new IllegalArgumentException(
                        "max steps " + maxSteps[i] + " for puzzle " + i + ", outside 1..N_sup = " + nSup);
            cap[i] = Math.min(maxSteps[i], rules.get(i).cap(nSup));
            limit = Math.max(limit, cap[i]);
        }
        float[][] prob = new float[batch][limit], halt = new float[batch][limit], cont = new float[batch][limit];
        long[][][] answers = keep == Keep.EVERY_STEP ? new long[batch][limit][] : null;
        PuzzleRun[] out = new PuzzleRun[batch];
        int[] rows = new int[batch]; // the puzzle index of each row still in the batch
        for (int i = 0; i < batch; i++) rows[i] = i;
        try (NoGrad off = NoGrad.open();
                NDScope whole = new NDScope();
                NDManager inputs = model.manager().newSubManager()) {
            NDArray x = model.embed(inputs.create(tokens), inputs.create(puzzleIds)); // [B, S, D]
            Latents carry = model.initialLatents(batch);
            for (int k = 1; rows.length > 0; k++) {
                Latents next;
                NDArray nextX = x;
                long[] predicted;
                float[] p, h, c;
                int[] staying;
                try (NDScope step = new NDScope()) {
                    next = model.supervisionStep(carry, x);
                    if (observer != null) observer.onStep(k, rows, carry, next);
                    Readout r = model.readout(next);
                    predicted = r.answerLogits()
                            .argMax(-1)
                            .toType(DataType.INT64, false)
                            .toLongArray(); // [B*cells]
                    p = Activation.sigmoid(r.haltLogit())
                            .toType(DataType.FLOAT32, false)
                            .toFloatArray(); // [B]
                    h = r.haltLogit().toType(DataType.FLOAT32, false).toFloatArray();
                    c = r.continueLogit().toType(DataType.FLOAT32, false).toFloatArray();
                    staying = record(k, rows, predicted, p, h, c, rules, cap, prob, halt, cont, answers, out);
                    if (staying.length > 0 && staying.length < rows.length) {
                        // Halted puzzles leave: keep only the rows that go on, so later steps cost what is left.
                        NDIndex keepRows = new NDIndex().addBooleanIndex(inputs.create(stillRunning(rows, staying)));
                        next = new Latents(
                                next.answer().get(keepRows), next.reasoning().get(keepRows));
                        nextX = x.get(keepRows);
                        NDScope.unregister(nextX);
                    }
                    NDScope.unregister(next.answer(), next.reasoning());
                }
                NDScope.register(next.answer()); // the survivors live in the whole-call scope...
                NDScope.register(next.reasoning());
                carry.close(); // ...and the step before is freed now, not at the end
                carry = next;
                if (nextX != x) {
                    NDScope.register(nextX);
                    x.close();
                    x = nextX;
                }
                rows = staying;
            }
        }
        return out;
    }

    /** Stores step {@code k} for every row; finishes the puzzles that stop here; returns the puzzles that go on. */
    private static int[] record(
            int k,
            int[] rows,
            long[] predicted,
            float[] p,
            float[] h,
            float[] c,
            List<HaltingRule> rules,
            int[] cap,
            float[][] prob,
            float[][] halt,
            float[][] cont,
            long[][][] answers,
            PuzzleRun[] out) {
        int cells = predicted.length / rows.length;
        int[] staying = new int[rows.length];
        int n = 0;
        for (int j = 0; j < rows.length; j++) {
            int i = rows[j];
            prob[i][k - 1] = p[j];
            halt[i][k - 1] = h[j];
            cont[i][k - 1] = c[j];
            long[] answer = Arrays.copyOfRange(predicted, j * cells, (j + 1) * cells);
            if (answers != null) answers[i][k - 1] = answer;
            boolean halts = rules.get(i).halts(p[j], h[j], c[j]);
            if (halts || k >= cap[i]) {
                HaltSignals s = new HaltSignals(
                        Arrays.copyOf(prob[i], k), Arrays.copyOf(halt[i], k), Arrays.copyOf(cont[i], k));
                out[i] = new PuzzleRun(answer, k, halts, s, answers == null ? null : Arrays.copyOf(answers[i], k));
            } else {
                staying[n++] = i;
            }
        }
        return Arrays.copyOf(staying, n);
    }

    /** Per row of the current batch, whether its puzzle is in {@code staying} (both in batch order). */
    private static boolean[] stillRunning(int[] rows, int[] staying) {
        boolean[] mask = new boolean[rows.length];
        for (int j = 0, s = 0; j < rows.length && s < staying.length; j++)
            if (rows[j] == staying[s]) {
                mask[j] = true;
                s++;
            }
        return mask;
    }
}
