package org.looplab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.looplab.data.PuzzleDataSet;
import org.looplab.model.Latents;
import org.looplab.model.NoGrad;
import org.looplab.model.Readout;
import org.looplab.model.ReasoningModel;

/**
 * Deep supervision with learned halting (TRM §2.4-2.5, HRM §3), one optimiser step per supervision step. The parts:
 * {@link PuzzleFeed} (which puzzle each slot of the streaming carry holds), {@link SupervisionLoss},
 * {@link OptimiserStep} (AdamW, sign-SGD, EMA, NaN skip); {@link TrainingLoop} runs steps with logging and
 * checkpoints.
 *
 * <p>It uses the reference code's <b>streaming carry</b> ({@link HaltingSlots}), not the paper's pseudocode loop
 * "N_sup optimiser steps on one batch, break when all halt": every step trains on a full batch (a solved puzzle's
 * slot is refilled at once instead of idling until the slowest puzzle of its batch halts), the data order and the
 * "steps used" statistics mean what they mean in the reference, and the numbers are comparable with its logs.
 *
 * <p>One step, for every slot: slots that halted last step get the initial latents ({@code where} with a
 * {@code [B,1,1]} mask) and a new puzzle; T-1 rounds without graph then one round with graph (inside the model);
 * the loss; the new carry is detached. Halting at train time: TRM when q_halt > 0, HRM when q_halt > q_continue, both
 * after N_sup steps, with 10% exploration (a minimum of 2..N_sup steps).
 *
 * <p>Augmentation: every puzzle a slot loads gets a fresh seeded validity-preserving transform (Sudoku: digit
 * relabelling, band/stack and row/column shuffles, transpose; maze: the 8 dihedral maps) from the data package,
 * instead of the reference's 1000 stored augmentations per puzzle: the same distribution without 1000× the disk.
 *
 * <p>Exact resume: {@link #state()} and {@link #arrays()} hold everything the next steps depend on (weights aside);
 * a trainer given them by {@link #restore} continues bit for bit (at a fixed libtorch thread count).
 *
 * <p>Memory: an {@link NDScope} per step closes everything the step made except the new carry, which is handed
 * to a long-lived manager; the model closes each net call's intermediates eagerly; {@link MallocReuse} keeps freed
 * tensor memory mapped for the next step. Threads: everything runs under
 * {@link NoGrad} except the collector, so it works from any thread (grad mode is per thread and starts on
 * everywhere but the engine's own thread).
 */
public final class DeepSupervisionTrainer implements AutoCloseable {
    private final ReasoningModel model;
    private final PuzzleDataSet data;
    private final String trainSha256;
    private final TrainConfig cfg;
    private final long seed;
    private final PuzzleFeed feed;
    private final SupervisionLoss loss;
    private final OptimiserStep optimiser;
    private final NDManager carryOwner;
    private final MetricsWindow window = new MetricsWindow();
    private final List<TrainingMetrics> history = new ArrayList<>();
    private Latents carry; // null until the first step
    private long step;
    private long skipped;
    private double seconds;

    /** A fresh trainer for {@code model} on {@code train}; {@link #restore} turns it into a resumed one. */
    public DeepSupervisionTrainer(ReasoningModel model, PuzzleDataSet train, TrainConfig cfg, long seed) {
        if (train.seqLen() != model.task().gridCells())
            throw new IllegalArgumentException(train.name() + ": " + train.seqLen()
                    + " cells per puzzle, the model takes " + model.task().gridCells());
        this.model = model;
        this.data = train;
        this.trainSha256 = train.contentHash();
        this.cfg = cfg;
        this.seed = seed;
        this.feed = new PuzzleFeed(train, cfg, model.config().supervisionSteps(), seed);
        this.loss = new SupervisionLoss(model);
        this.optimiser = new OptimiserStep(model, cfg);
        this.carryOwner = model.manager().newSubManager();
        MallocReuse.apply(); // freed tensors' memory is reused, not faulted in again (values unchanged)
    }

    /** One supervision step for every slot, then the optimiser, sign-SGD and EMA updates. */
    public StepResult step() {
        long t0 = System.nanoTime();
        int batch = cfg.batchSize(), cells = feed.cells();
        StepResult result;
        try (var off = NoGrad.open()) {
            boolean[] reset = feed.beginStep(step + 1);
            int[] stepsAfter = feed.steps();
            for (int s = 0; s < batch; s++) stepsAfter[s]++;
            StepLoss values;
            float[] right, margin;
            NDArray newAnswer, newReasoning;
            try (NDScope scope = new NDScope()) {
                NDArray tokens = carryOwner.create(feed.inputs(), new Shape(batch, cells));
                NDArray target = carryOwner.create(feed.labels(), new Shape(batch, cells));
                NDArray puzzleIds = carryOwner.create(feed.puzzleIds());
                Latents start = startOf(reset);
                Latents next;
                try (GradientCollector grad = Engine.getInstance().newGradientCollector()) {
                    NDArray x = model.embed(tokens, puzzleIds); // in the collector: embeddings learn
                    next = model.supervisionStep(start, x);
                    Readout out = model.readout(next);
                    SupervisionLoss.Terms terms = loss.of(next, out, x, target, stepsAfter);
                    float total = terms.total().getFloat();
                    // Fail at once, naming the step: a NaN loss would silently turn every weight into NaN.
                    if (!Float.isFinite(total))
                        throw new IllegalStateException("loss is " + total + " at step " + (step + 1));
                    grad.backward(terms.total());
                    values = terms.values();
                    right = terms.exact().toFloatArray();
                    margin = terms.haltMargin().toFloatArray();
                }
                newAnswer = next.answer().stopGradient(); // no gradient between supervision steps
                newReasoning = next.reasoning().stopGradient();
                NDScope.unregister(newAnswer, newReasoning);
            }
            newAnswer.attach(carryOwner);
            newReasoning.attach(carryOwner);
            if (carry != null) carry.close();
            carry = new Latents(newAnswer, newReasoning);
            boolean[] halted = feed.endStep(margin);
            // After the scope: nothing the optimisers keep may be created inside one.
            boolean skip = optimiser.apply();
            int nHalted = 0, nRight = 0, nSteps = 0;
            double exactSum = 0;
            for (int s = 0; s < batch; s++) {
                exactSum += right[s];
                if (!halted[s]) continue;
                nHalted++;
                nRight += right[s] > 0.5f ? 1 : 0;
                nSteps += stepsAfter[s];
            }
            result = new StepResult(values, exactSum / batch, nHalted, nRight, nSteps, skip);
        }
        step++;
        if (result.skipped()) skipped++;
        seconds += (System.nanoTime() - t0) / 1e9;
        window.add(result);
        return result;
    }

    /** Slots that start a puzzle get the initial latents, the others keep their carry. */
    private Latents startOf(boolean[] reset) {
        Latents init = model.initialLatents(cfg.batchSize());
        if (carry == null) return init;
        // [B,1,1] mask, broadcast by hand to [B,S,D]: DJL's where checks shapes instead of broadcasting
        NDArray mask = carryOwner
                .create(reset)
                .reshape(reset.length, 1, 1)
                .broadcast(carry.answer().getShape());
        return new Latents(
                NDArrays.where(mask, init.answer(), carry.answer()),
                NDArrays.where(mask, init.reasoning(), carry.reasoning()));
    }

    /** Closes the metrics window: one line of averages since the last one (held-out accuracies NaN if none). */
    TrainingMetrics closeWindow(double evalExact, double evalCell) {
        TrainingMetrics m = window.close(step, seconds, optimiser.adamw().rate(), evalExact, evalCell);
        history.add(m);
        return m;
    }

    /** Runs {@code f} with the EMA weights swapped in (evaluation and checkpoints use them), then restores. */
    public <T> T withAveragedWeights(Function<ReasoningModel, T> f) {
        NDList params = optimiser.params();
        List<NDArray> live = new ArrayList<>();
        try (var off = NoGrad.open();
                NDManager backup = model.manager().newSubManager()) {
            for (NDArray p : params) {
                NDArray copy = p.duplicate();
                copy.attach(backup);
                live.add(copy);
            }
            optimiser.ema().copyInto(params);
            try {
                return f.apply(model);
            } finally {
                for (int i = 0; i < params.size(); i++) InPlaceCopy.copy(live.get(i), params.get(i));
            }
        }
    }

    // ---- exact resume ----

    /** The arrays the next steps depend on besides the weights: AdamW moments, EMA, carry (owned: do not close). */
    NDList arrays() {
        NDList out = optimiser.adamw().moments();
        List<NDArray> averages = optimiser.ema().averages();
        NDList params = optimiser.params();
        for (int i = 0; i < params.size(); i++) {
            averages.get(i).setName("ema/" + params.get(i).getName());
            out.add(averages.get(i));
        }
        if (carry != null) {
            carry.answer().setName("carry/answer");
            carry.reasoning().setName("carry/reasoning");
            out.add(carry.answer());
            out.add(carry.reasoning());
        }
        return out;
    }

    /** Everything else the next steps depend on; {@code arraysSha256} is the hash of the saved {@link #arrays()}. */
    TrainerState state(String arraysSha256) {
        return new TrainerState(
                step, seconds, optimiser.adamw().updates(), skipped, feed.state(), window.state(), arraysSha256);
    }

    /** Puts back a saved state (the model already holds the saved raw weights); {@code source} names the files. */
    void restore(TrainerState s, NDList saved, List<TrainingMetrics> earlier, String source) {
        try (var off = NoGrad.open()) {
            optimiser.adamw().restore(saved, s.adamUpdates(), source);
            List<NDArray> averages = optimiser.ema().averages();
            NDList params = optimiser.params();
            for (int i = 0; i < params.size(); i++)
                AdamW.copyNamed(saved, "ema/" + params.get(i).getName(), averages.get(i), source);
            NDArray answer = saved.get("carry/answer"), reasoning = saved.get("carry/reasoning");
            if (carry != null) carry.close();
            carry = null;
            if (answer != null && reasoning != null) {
                carry = new Latents(answer.duplicate(), reasoning.duplicate());
                carry.answer().attach(carryOwner);
                carry.reasoning().attach(carryOwner);
            }
        }
        feed.restore(s.feed());
        window.restore(s.window());
        step = s.step();
        seconds = s.seconds();
        skipped = s.skipped();
        history.clear();
        history.addAll(earlier);
    }

    /** The optimiser part (tests reach the NaN skip through it). */
    OptimiserStep optimiser() {
        return optimiser;
    }

    public List<TrainingMetrics> history() {
        return List.copyOf(history);
    }

    public long steps() {
        return step;
    }

    /** Updates skipped so far because a gradient was not finite. */
    public long skipped() {
        return skipped;
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
        optimiser.close();
        carryOwner.close();
    }
}
