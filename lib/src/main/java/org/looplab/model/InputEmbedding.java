package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

/**
 * x, the embedded question (TRM code trm.py L162-182): a puzzle-id prefix, then one embedding per grid cell, all times
 * sqrt(hidden). The puzzle vector (hidden wide, zero at start) fills prefix position 0; the other prefix positions are
 * zeros, i.e. the vector right-padded to prefix·hidden and reshaped, as in the reference.
 */
final class InputEmbedding {
    private final NDArray tokens; // [vocab, hidden], trunc-normal std 1/sqrt(hidden)
    private final NDArray puzzles; // [puzzleIdentifiers, hidden], zeros, its own sign-SGD optimiser
    private final int prefixLength, hidden;
    private final float scale;

    InputEmbedding(Weights w, TaskShape task, int hidden, int prefixLength) {
        this.hidden = hidden;
        this.prefixLength = prefixLength;
        this.scale = (float) Math.sqrt(hidden);
        this.tokens = w.truncatedNormal(
                "embed.tokens", new Shape(task.vocabSize(), hidden), 1.0 / Math.sqrt(hidden), Weights.Kind.PARAMETER);
        // Zero: a puzzle starts with no identity and learns one only if it helps.
        this.puzzles =
                w.constant("embed.puzzle", new Shape(task.puzzleIdentifiers(), hidden), 0f, Weights.Kind.PUZZLE_TABLE);
    }

    NDArray puzzleTable() {
        return puzzles;
    }

    /** {@code tokens [B, cells] int64, puzzleIds [B] int64 -> x [B, prefix + cells, hidden]}. */
    NDArray embed(NDArray tokenIds, NDArray puzzleIds) {
        long b = tokenIds.getShape().get(0);
        NDArray grid = Embedding.embedding(tokenIds, tokens, SparseFormat.DENSE).singletonOrThrow(); // [B, cells, D]
        NDArray prefix = Embedding.embedding(puzzleIds, puzzles, SparseFormat.DENSE)
                .singletonOrThrow()
                .expandDims(1); // [B, 1, D]
        if (prefixLength > 1) {
            NDArray pad = grid.getManager().zeros(new Shape(b, prefixLength - 1, hidden), grid.getDataType());
            prefix = prefix.concat(pad, 1); // [B, prefix, D]
        }
        return prefix.concat(grid, 1).mul(Scalar.like(grid, scale)); // [B, prefix + cells, D]
    }
}
