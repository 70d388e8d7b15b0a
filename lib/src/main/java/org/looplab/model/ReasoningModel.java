package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;

/**
 * What a trainer, the trace and a checkpoint need from TRM, HRM or the direct baseline.
 *
 * <p>One supervision step of training, for any of them (the trainer owns the loss and halting):
 * <pre>{@code
 * NDArray x = model.embed(tokens, puzzleIds);            // inside the collector, so embeddings learn
 * Latents next = model.supervisionStep(carry, x);        // gradient only where the paper has it
 * Readout out = model.readout(next);                     // answer logits [B, cells, vocab], halt logit [B]
 * carry = next.detached();                               // no gradient between supervision steps
 * }</pre>
 *
 * <p>Ownership: parameters, the puzzle table and buffers live in {@link #manager()} and die with {@link #close()}.
 * Arrays a call returns belong to the caller: they are registered in the caller's {@code NDScope} if one is open,
 * else attached to the manager of the first operand (often the model's) until closed.
 */
public interface ReasoningModel extends AutoCloseable {

    ModelConfig config();

    TaskShape task();

    /** The seed of the initial draws (a loaded model reports the seed recorded in its checkpoint). */
    long seed();

    NDManager manager();

    /** x: {@code tokens [B, cells] int64, puzzleIds [B] int64 -> [B, prefix + cells, hidden]}. */
    NDArray embed(NDArray tokens, NDArray puzzleIds);

    /** The fixed initial carry broadcast to a batch, each {@code [batch, prefix + cells, hidden]}. */
    Latents initialLatents(int batch);

    /** One supervision step from carry {@code s}; gradient only through the part the paper back-propagates. */
    Latents supervisionStep(Latents s, NDArray x);

    /** Answer logits (prefix dropped) and halt/continue logits (prefix position 0) from the answer latent. */
    Readout readout(Latents s);

    /** The latents' names in this model's paper (TRM: y and z; HRM overrides with z_H and z_L). */
    default Latents.Names latentNames() {
        return Latents.Names.TRM;
    }

    /** Trainable weights, each named (excludes the puzzle table and the fixed buffers). */
    NDList parameters();

    /**
     * {@code [puzzleIdentifiers, hidden]}, requires gradient, trained by its own sign-SGD (TRM code sparse_embedding.py
     * L41-132).
     */
    NDArray puzzleEmbedding();

    /** Fixed arrays saved with the model but never trained (initial y and z vectors). */
    NDList buffers();

    /** Sum of {@link #parameters()} sizes: the papers' count (puzzle table excluded). */
    default long parameterCount() {
        long n = 0;
        for (NDArray p : parameters()) n += p.getShape().size();
        return n;
    }

    /** Writes config and weights atomically into {@code folder} (see {@link Checkpoint}). */
    default void save(Path folder) {
        Checkpoint.save(this, folder);
    }

    @Override
    void close();
}
