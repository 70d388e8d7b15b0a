package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

/**
 * What every model here shares: the input embedding, the heads, the fixed initial carry and the weights' owner.
 * The recursions (the part that differs) live in the subclasses.
 */
abstract class ModelParts implements ReasoningModel {
    final TaskShape task;
    final long seed;
    final Weights weights;
    final int hidden, seqLen;
    final InputEmbedding input;
    final RotaryEmbedding rope; // null when the config has no position encoding
    private final NDArray initAnswer, initReasoning; // [hidden] each, buffers: fixed, not trained

    ModelParts(
            TaskShape task,
            long seed,
            Weights w,
            int hidden,
            int attentionHeads,
            int prefixLength,
            PositionEncoding positions,
            boolean usesRope) {
        this.task = task;
        this.seed = seed;
        this.weights = w;
        this.hidden = hidden;
        this.seqLen = task.sequenceLength(prefixLength);
        this.input = new InputEmbedding(w, task, hidden, prefixLength);
        this.rope = usesRope && positions == PositionEncoding.ROPE
                ? new RotaryEmbedding(w.manager(), w.dtype(), seqLen, hidden / attentionHeads)
                : null;
        // std 1, drawn once: every puzzle starts from the same y and z (TRM code trm.py L153-154, L190-194)
        this.initAnswer = w.truncatedNormal("init.answer", new Shape(hidden), 1.0, Weights.Kind.BUFFER);
        this.initReasoning = w.truncatedNormal("init.reasoning", new Shape(hidden), 1.0, Weights.Kind.BUFFER);
    }

    /** Subclasses build their nets first, then the heads, so parameter order reads embed, nets, heads. */
    OutputHeads makeHeads(int prefixLength) {
        return new OutputHeads(weights, task, hidden, prefixLength);
    }

    abstract OutputHeads outputHeads();

    @Override
    public TaskShape task() {
        return task;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public NDManager manager() {
        return weights.manager();
    }

    @Override
    public NDArray embed(NDArray tokens, NDArray puzzleIds) {
        return input.embed(tokens, puzzleIds);
    }

    @Override
    public Latents initialLatents(int batch) {
        Shape shape = new Shape(batch, seqLen, hidden);
        NDArray y, z;
        try (NDScope local = new NDScope()) {
            y = initAnswer.reshape(1, 1, hidden).broadcast(shape).duplicate();
            z = initReasoning.reshape(1, 1, hidden).broadcast(shape).duplicate();
            NDScope.unregister(y, z);
        }
        NDScope.register(y);
        NDScope.register(z);
        return new Latents(y, z);
    }

    @Override
    public Readout readout(Latents s) {
        return outputHeads().read(s.answer());
    }

    @Override
    public NDList parameters() {
        return weights.of(Weights.Kind.PARAMETER);
    }

    @Override
    public NDArray puzzleEmbedding() {
        return input.puzzleTable();
    }

    @Override
    public NDList buffers() {
        return weights.of(Weights.Kind.BUFFER);
    }

    /** Every named array, for {@link Checkpoint}. */
    NDList allArrays() {
        return weights.all();
    }

    @Override
    public void close() {
        weights.manager().close();
    }
}
