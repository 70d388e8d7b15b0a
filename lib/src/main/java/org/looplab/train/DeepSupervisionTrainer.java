package org.looplab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import org.looplab.data.PuzzleDataSet;
import org.looplab.model.HrmConfig;
import org.looplab.model.Latents;
import org.looplab.model.NoGrad;
import org.looplab.model.ReasoningModel;
import org.looplab.model.Readout;
import org.looplab.provenance.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deep supervision with learned halting (TRM paper Fig. 3; TRM code trm.py L225-297, pretrain.py L289-322; HRM code
 * hrm_act_v1.py L216-283), one optimiser step per supervision step.
 *
 * <p>It uses the reference code's <b>streaming carry</b> ({@link HaltingSlots}), not the paper's pseudocode loop
 * "N_sup optimiser steps on one batch, break when all halt": every step trains on a full batch (a solved puzzle's
 * slot is refilled at once instead of idling until the slowest puzzle of its batch halts), the data order and the
 * "steps used" statistics mean what they mean in the reference, and the numbers are comparable with its logs.
 *
 * <p>One step, for every slot: slots that halted last step get the initial latents ({@code where} with a
 * {@code [B,1,1]} mask) and a new puzzle; T-1 rounds without graph then one round with graph (inside the model);
 * loss = stable-max CE (per-puzzle mean, pad ignored, batch mean) + 0.5 · BCE(q_halt, "answer exactly right");
 * HRM adds 0.5 · BCE(q_continue, Q-target) where the target comes from an extra no-grad pass on the new carry:
 * sigmoid(next q_halt) at the last step, else sigmoid(max(next q_halt, next q_continue)). The new carry is detached.
 * Halting at train time: TRM when q_halt > 0, HRM when q_halt > q_continue, both after N_sup steps, with 10%
 * exploration (a minimum of 2..N_sup steps). No continue loss for TRM (its code's default, no_ACT_continue).
 *
 * <p>Augmentation: every puzzle a slot loads gets a fresh seeded validity-preserving transform (Sudoku: digit
 * relabelling, band/stack and row/column shuffles, transpose; maze: the 8 dihedral maps) from the data package,
 * instead of the reference's 1000 stored augmentations per puzzle: the same distribution without 1000× the disk.
 *
 * <p>Memory (docs/djl-pitfalls.md §1): an {@link NDScope} per step closes everything the step made except the new
 * carry, which is handed to a long-lived manager; the model closes each net call's intermediates eagerly. The
 * optimisers run after the scope (AdamW creates its moments lazily and a scope would close them), and every
 * {@code getGradient()} wrapper is closed. Threads: everything runs under {@link NoGrad} except the collector, so
 * it works from any thread (grad mode is per thread and starts on everywhere but the engine's own thread).
 */
public final class DeepSupervisionTrainer implements AutoCloseable {
    private final ReasoningModel model;
    private final PuzzleDataSet data;
    private final String trainSha256;
    private final TrainConfig cfg;
    private final long seed;
    private final boolean qLearning;                 // HRM: halt when q_halt > q_continue, continue loss
    private final int maxSupervision;                // N_sup
    private final NDList params;
    private final NDArray puzzleTable;
    private final Optimizer adamw;
    private final SignSgd signSgd;
    private final ExponentialMovingAverage ema;
    private final WarmupSchedule schedule;
    private final NDManager carryOwner;
    private final HaltingSlots slots;
    private final Random order, augment;
    private final long[] inputs, labels, ids;         // the puzzle each slot holds, [B * cells], [B * cells], [B]
    private final int cells;
    private int[] permutation;
    private int cursor;
    private Latents carry;                            // null until the first step
    private long step;
    private double seconds;
    private final List<TrainingMetrics> history = new ArrayList<>();
    private final Window window = new Window();

    /**
     * A trainer for {@code model} on {@code train}; {@code startStep} > 0 when resuming (the data order, the
     * augmentations and the exploration draws are re-derived from (seed, purpose, startStep), so a resumed run is
     * seeded but not bit-identical to an uninterrupted one).
     */
    public DeepSupervisionTrainer(ReasoningModel model, PuzzleDataSet train, TrainConfig cfg, long seed,
                                  long startStep) {
        if (train.seqLen() != model.task().gridCells())
            throw new IllegalArgumentException(train.name() + ": " + train.seqLen() + " cells per puzzle, the model takes "
                    + model.task().gridCells());
        this.model = model;
        this.data = train;
        this.trainSha256 = train.contentHash();
        this.cfg = cfg;
        this.seed = seed;
        this.step = startStep;
        this.qLearning = model.config() instanceof HrmConfig;
        this.maxSupervision = model.config().supervisionSteps();
        this.cells = train.seqLen();
        this.params = model.parameters();
        this.puzzleTable = model.puzzleEmbedding();
        this.schedule = new WarmupSchedule(cfg.learningRate(), cfg.warmupSteps());
        // optBeginNumUpdate: a resumed run continues the schedule and Adam's bias correction where it stopped.
        this.adamw = Optimizer.adamW().optLearningRateTracker(schedule).optBeta1(cfg.beta1()).optBeta2(cfg.beta2())
                .optEpsilon(1e-8f).optWeightDecays(cfg.weightDecay()).optBeginNumUpdate((int) startStep).build();
        this.signSgd = new SignSgd(cfg.puzzleEmbeddingRate(), cfg.puzzleEmbeddingDecay());
        this.ema = new ExponentialMovingAverage(params, cfg.emaDecay(), model.manager());
        this.carryOwner = model.manager().newSubManager();
        this.order = Seeds.random(seed, "data order@" + startStep);
        this.augment = Seeds.random(seed, "augmentation@" + startStep);
        this.slots = new HaltingSlots(cfg.batchSize(), maxSupervision, cfg.haltExploration(),
                Seeds.random(seed, "halting exploration@" + startStep));
        this.inputs = new long[cfg.batchSize() * cells];
        this.labels = new long[cfg.batchSize() * cells];
        this.ids = new long[cfg.batchSize()];
    }

    /** What one step measured (means over the batch). */
    public record StepResult(double loss, double answerLoss, double haltLoss, double continueLoss, double exact,
                             int halted, int haltedRight, int haltedSteps, boolean skipped) {}

    /** One supervision step for every slot, then the optimiser, sign-SGD and EMA updates. */
    public StepResult step() {
        long t0 = System.nanoTime();
        int batch = cfg.batchSize();
        StepResult result;
        try (var off = NoGrad.open()) {
            boolean[] reset = slots.beginStep(this::nextPuzzle);
            refill(reset);
            int[] stepsAfter = slots.steps();
            for (int s = 0; s < batch; s++) stepsAfter[s]++;
            float[] margin;
            float[] right;
            double[] losses = new double[4];
            NDArray newAnswer, newReasoning;
            try (NDScope scope = new NDScope()) {
                NDArray tokens = carryOwner.create(inputs, new Shape(batch, cells));
                NDArray target = carryOwner.create(labels, new Shape(batch, cells));
                NDArray puzzleIds = carryOwner.create(ids);
                Latents start = startOf(reset);
                Latents next;
                try (GradientCollector grad = Engine.getInstance().newGradientCollector()) {
                    NDArray x = model.embed(tokens, puzzleIds);              // in the collector: embeddings learn
                    next = model.supervisionStep(start, x);
                    Readout out = model.readout(next);
                    NDArray answer = StablemaxCrossEntropy.loss(out.answerLogits(), target);
                    NDArray exact = HaltLoss.exactlyRight(out.answerLogits(), target);
                    NDArray halt = HaltLoss.bce(out.haltLogit(), exact);
                    NDArray qLoss = halt;
                    if (qLearning) {
                        NDArray cont = HaltLoss.bce(out.continueLogit(), continueTarget(next, x, stepsAfter));
                        qLoss = halt.add(cont);
                        losses[3] = cont.getFloat();
                    } else {
                        losses[3] = Double.NaN;
                    }
                    NDArray loss = answer.add(qLoss.mul(HaltLoss.WEIGHT));
                    losses[0] = loss.getFloat();
                    // Fail at once, naming the step: a NaN loss would silently turn every weight into NaN.
                    if (!Double.isFinite(losses[0]))
                        throw new IllegalStateException("loss is " + losses[0] + " at step " + (step + 1));
                    grad.backward(loss);
                    losses[1] = answer.getFloat();
                    losses[2] = halt.getFloat();
                    right = exact.toFloatArray();
                    margin = (qLearning ? out.haltLogit().sub(out.continueLogit()) : out.haltLogit()).toFloatArray();
                }
                newAnswer = next.answer().stopGradient();     // no gradient between supervision steps
                newReasoning = next.reasoning().stopGradient();
                NDScope.unregister(newAnswer, newReasoning);
            }
            newAnswer.attach(carryOwner);
            newReasoning.attach(carryOwner);
            if (carry != null) carry.close();
            carry = new Latents(newAnswer, newReasoning);
            boolean[] halted = slots.endStep(margin);
            boolean skipped = !gradientsFinite();
            if (skipped) zeroGradients();
            else updateWeights();
            int nHalted = 0, nRight = 0, nSteps = 0;
            double exactSum = 0;
            for (int s = 0; s < batch; s++) {
                exactSum += right[s];
                if (!halted[s]) continue;
                nHalted++;
                nRight += right[s] > 0.5f ? 1 : 0;
                nSteps += stepsAfter[s];
            }
            result = new StepResult(losses[0], losses[1], losses[2], losses[3], exactSum / batch, nHalted, nRight, nSteps,
                    skipped);
        }
        step++;
        seconds += (System.nanoTime() - t0) / 1e9;
        window.add(result);
        return result;
    }

    /** Slots that start a puzzle get the initial latents, the others keep their carry. */
    private Latents startOf(boolean[] reset) {
        Latents init = model.initialLatents(cfg.batchSize());
        if (carry == null) return init;
        // [B,1,1] mask, broadcast by hand to [B,S,D]: DJL's where checks shapes instead of broadcasting
        NDArray mask = carryOwner.create(reset).reshape(reset.length, 1, 1).broadcast(carry.answer().getShape());
        return new Latents(NDArrays.where(mask, init.answer(), carry.answer()),
                NDArrays.where(mask, init.reasoning(), carry.reasoning()));
    }

    /**
     * HRM's Q-learning target for q_continue (HRM code hrm_act_v1.py L279-281): one more supervision step without
     * gradient from the
     * new carry on the same puzzles, then sigmoid(next q_halt) where this was the last step, else
     * sigmoid(max(next q_halt, next q_continue)). No replay buffer, no target network (as the HRM code).
     */
    private NDArray continueTarget(Latents next, NDArray x, int[] stepsAfter) {
        try (var off = NoGrad.open()) {
            Readout again = model.readout(model.supervisionStep(next.detached(), x.stopGradient()));
            boolean[] last = new boolean[stepsAfter.length];
            for (int s = 0; s < last.length; s++) last[s] = stepsAfter[s] >= maxSupervision;
            return qContinueTarget(again.haltLogit(), again.continueLogit(), carryOwner.create(last));
        }
    }

    /** sigmoid(nextHalt) where {@code last}, else sigmoid(max(nextHalt, nextContinue)); no gradient. */
    static NDArray qContinueTarget(NDArray nextHalt, NDArray nextContinue, NDArray last) {
        NDArray best = nextHalt.maximum(nextContinue);
        return Activation.sigmoid(NDArrays.where(last, nextHalt, best)).stopGradient();
    }

    /**
     * Whether every gradient is finite. Why this exists: on this machine a backward pass occasionally returns NaN in
     * every gradient although the loss it came from is finite (seen in 1 of ~4 CLI runs of 30 steps, at varying steps,
     * not reproducible run to run, never under the test harness; docs/djl-pitfalls.md §6 saw NaNs of the same kind and
     * did not
     * root-cause them). One such update turns every weight into NaN for good, so the step's update is skipped instead
     * (like a mixed-precision loss scaler's skip) and counted in the metrics ({@code skipped}).
     */
    private boolean gradientsFinite() {
        try (NDScope check = new NDScope()) {
            for (NDArray p : params) {
                NDArray g = p.getGradient();
                if (!Float.isFinite(g.sum().getFloat())) return false;
            }
            return Float.isFinite(puzzleTable.getGradient().sum().getFloat());
        }
    }

    /**
     * Gradients accumulate across backward calls in DJL 0.36 (docs/djl-pitfalls.md §3): a skipped step must clear them.
     */
    private void zeroGradients() {
        for (NDArray p : params) {
            try (NDArray g = p.getGradient()) {
                fillZero(g);
            }
        }
        try (NDArray g = puzzleTable.getGradient()) {
            fillZero(g);
        }
    }

    /** In place; a fill, not {@code g·0}, because NaN·0 is NaN. */
    static void fillZero(NDArray g) {
        g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
    }

    /** AdamW on the weights, sign-SGD on the puzzle table, then the EMA; outside any scope (lazy optimiser state). */
    private void updateWeights() {
        for (NDArray p : params) {
            try (NDArray g = p.getGradient()) {          // a new wrapper per call: close it
                adamw.update(p.getName(), p, g);         // DJL's AdamW zeroes the gradient after use
            }
        }
        try (NDArray g = puzzleTable.getGradient()) {
            signSgd.update(puzzleTable, g);
        }
        ema.update(params);
    }

    private int nextPuzzle() {
        if (permutation == null || cursor == permutation.length) {
            permutation = shuffled(data.count(), order);   // one epoch = every training puzzle once, new order
            cursor = 0;
        }
        return permutation[cursor++];
    }

    private static int[] shuffled(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Loads the puzzles {@link HaltingSlots} assigned to the reset slots, each freshly augmented. */
    private void refill(boolean[] reset) {
        int[] held = slots.puzzles();
        int[] which = java.util.stream.IntStream.range(0, reset.length).filter(s -> reset[s]).toArray();
        if (which.length == 0) return;
        int[] rows = Arrays.stream(which).map(s -> held[s]).toArray();
        PuzzleDataSet.Batch b = data.batch(rows, cfg.augment() ? augment : null);
        for (int k = 0; k < which.length; k++) {
            int s = which[k];
            for (int c = 0; c < cells; c++) {
                inputs[s * cells + c] = b.inputs()[k * cells + c];
                labels[s * cells + c] = b.labels()[k * cells + c];
            }
            ids[s] = b.puzzleIdentifiers()[k];
        }
    }

    // ---- the loop ----

    /**
     * Trains until {@code cfg.maxSteps} or {@code cfg.maxMinutes}, whichever comes first, logging every
     * {@code logEvery} steps (to {@code log} if not null, to the listener, and to {@link #history()}), with a
     * held-out check every {@code evalEvery} steps and at the end, and a checkpoint through {@code saver} every
     * {@code checkpointEvery} steps and at the end.
     */
    public void train(TrainingListener listener, HeldOutCheck heldOut, MetricsLog log, ProgressBar bar,
                      Runnable saver) {
        double budget = cfg.maxMinutes() > 0 ? cfg.maxMinutes() * 60 : Double.POSITIVE_INFINITY;
        double startSeconds = seconds;
        long firstStep = step;
        while (step < cfg.maxSteps() && seconds - startSeconds < budget) {
            step();
            boolean last = step >= cfg.maxSteps() || seconds - startSeconds >= budget;
            boolean eval = heldOut != null && (last || (cfg.evalEvery() > 0 && step % cfg.evalEvery() == 0));
            if (step % cfg.logEvery() == 0 || last || eval) {
                double[] acc = eval ? withAveragedWeights(m -> heldOut.exactAndCell(m, trainSha256))
                        : new double[] {Double.NaN, Double.NaN};
                TrainingMetrics m = window.close(step, seconds, schedule.at((int) step), acc[0], acc[1]);
                history.add(m);
                if (log != null) log.append(m.asMap());
                if (bar != null) bar.update(step - firstStep, String.format(java.util.Locale.ROOT, "loss %.3f  exact %.2f%s%s",
                        m.loss(), m.haltedExact(), skippedTotal(m), eval ? String.format(java.util.Locale.ROOT, "  held-out %.3f", acc[0]) : ""));
                listener.onLog(m);
            }
            if (saver != null && (last || (cfg.checkpointEvery() > 0 && step % cfg.checkpointEvery() == 0)))
                saver.run();
        }
        if (bar != null) bar.finish();
    }

    private long skippedSoFar;

    private String skippedTotal(TrainingMetrics m) {
        skippedSoFar += m.skipped();
        return skippedSoFar > 0 ? "  skipped " + skippedSoFar : "";
    }

    /** Runs {@code f} with the EMA weights swapped in (evaluation and checkpoints use them), then restores. */
    public <T> T withAveragedWeights(java.util.function.Function<ReasoningModel, T> f) {
        List<NDArray> live = new ArrayList<>();
        try (var off = NoGrad.open(); NDManager backup = model.manager().newSubManager()) {
            for (NDArray p : params) {
                NDArray copy = p.duplicate();
                copy.attach(backup);
                live.add(copy);
            }
            ema.copyInto(params);
            try {
                return f.apply(model);
            } finally {
                for (int i = 0; i < params.size(); i++) live.get(i).copyTo(params.get(i));
            }
        }
    }

    /** Replaces the EMA averages (resume). */
    void loadAverages(List<NDArray> averages) {
        ema.load(averages);
    }

    void restoreHistory(List<TrainingMetrics> earlier, double earlierSeconds) {
        history.addAll(earlier);
        seconds = earlierSeconds;
    }

    public List<TrainingMetrics> history() {
        return List.copyOf(history);
    }

    public long steps() {
        return step;
    }

    public double seconds() {
        return seconds;
    }

    public ReasoningModel model() {
        return model;
    }

    public TrainConfig config() {
        return cfg;
    }

    public long seed() {
        return seed;
    }

    public String trainSha256() {
        return trainSha256;
    }

    public PuzzleDataSet data() {
        return data;
    }

    @Override
    public void close() {
        ema.close();
        carryOwner.close();
    }

    /** Running sums between two metrics lines. */
    private static final class Window {
        double loss, answer, halt, cont, exact;
        long steps, halted, right, haltedSteps, skipped;

        void add(StepResult r) {
            loss += r.loss();
            answer += r.answerLoss();
            halt += r.haltLoss();
            cont += r.continueLoss();
            exact += r.exact();
            halted += r.halted();
            right += r.haltedRight();
            haltedSteps += r.haltedSteps();
            skipped += r.skipped() ? 1 : 0;
            steps++;
        }

        TrainingMetrics close(long step, double seconds, double lr, double evalExact, double evalCell) {
            long n = Math.max(1, steps);
            TrainingMetrics m = new TrainingMetrics(step, seconds, lr, loss / n, answer / n, halt / n, cont / n,
                    exact / n, halted > 0 ? (double) right / halted : Double.NaN,
                    halted > 0 ? (double) haltedSteps / halted : Double.NaN, evalExact, evalCell, skipped);
            loss = answer = halt = cont = exact = 0;
            steps = halted = right = haltedSteps = skipped = 0;
            return m;
        }
    }
}
