package org.looplab.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import org.looplab.provenance.ContentHash;

/**
 * One split of a puzzle data set, in memory, in the reference token encoding: what training consumes. Rows are
 * {@code seqLen} tokens (a byte each, vocab <= 128); labels have the same layout; difficulty is the solver's
 * backtracks (Sudoku), the shortest path length (maze) or -1 when unknown (imports); the puzzle identifier is 0
 * for Sudoku and mazes and one per (task, augmentation) for ARC. DJL-free on purpose: {@link #batch} gives plain
 * arrays that a trainer turns into NDArrays.
 */
public final class PuzzleDataSet {

    /**
     * Rows {@code indices} of the set, flattened row-major.
     *
     * @param inputs [size * seqLen] tokens
     * @param labels [size * seqLen] tokens
     */
    public record Batch(int size, int seqLen, int[] inputs, int[] labels, int[] puzzleIdentifiers) {

        /** As {@code long} (what DJL's int64 embedding lookups and losses take). */
        public long[] inputsAsLongs() {
            long[] out = new long[inputs.length];
            for (int i = 0; i < out.length; i++) out[i] = inputs[i];
            return out;
        }

        public long[] labelsAsLongs() {
            long[] out = new long[labels.length];
            for (int i = 0; i < out.length; i++) out[i] = labels[i];
            return out;
        }

        /** [size][seqLen] */
        public int[][] inputRows() {
            return rows(inputs);
        }

        /** [size][seqLen] */
        public int[][] labelRows() {
            return rows(labels);
        }

        private int[][] rows(int[] flat) {
            int[][] out = new int[size][seqLen];
            for (int r = 0; r < size; r++) System.arraycopy(flat, r * seqLen, out[r], 0, seqLen);
            return out;
        }
    }

    private final String name;
    private final PuzzleKind kind;
    private final int side;
    private final int vocab;
    private final int seqLen;
    private final byte[] inputs;
    private final byte[] labels;
    private final int[] difficulty;
    private final int[] puzzleIdentifiers;

    /**
     * @param name   e.g. {@code sudoku4/train}, for messages
     * @param side   grid side (4, 6, 9, 11, 30), or 0 when the rows are not square grids
     */
    public PuzzleDataSet(
            String name,
            PuzzleKind kind,
            int side,
            int vocab,
            int seqLen,
            byte[] inputs,
            byte[] labels,
            int[] difficulty,
            int[] puzzleIdentifiers) {
        if (seqLen < 1 || inputs.length % seqLen != 0) {
            throw new IllegalArgumentException(
                    name + ": " + inputs.length + " input tokens is not a whole number of rows of " + seqLen);
        }
        int count = inputs.length / seqLen;
        if (labels.length != inputs.length || difficulty.length != count || puzzleIdentifiers.length != count) {
            throw new IllegalArgumentException(
                    name + ": inputs hold " + count + " rows but labels " + labels.length / seqLen + ", difficulty "
                            + difficulty.length + ", puzzle identifiers " + puzzleIdentifiers.length);
        }
        if (side != 0 && side * side != seqLen)
            throw new IllegalArgumentException(name + ": side " + side + " but seqLen " + seqLen);
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] < 0 || inputs[i] >= vocab || labels[i] < 0 || labels[i] >= vocab) {
                throw new IllegalArgumentException(name + ": row " + (i / seqLen + 1) + " cell " + (i % seqLen + 1)
                        + " holds token " + Math.max(inputs[i], labels[i]) + " outside vocab " + vocab);
            }
        }
        this.name = name;
        this.kind = kind;
        this.side = side;
        this.vocab = vocab;
        this.seqLen = seqLen;
        this.inputs = inputs.clone();
        this.labels = labels.clone();
        this.difficulty = difficulty.clone();
        this.puzzleIdentifiers = puzzleIdentifiers.clone();
    }

    public String name() {
        return name;
    }

    public PuzzleKind kind() {
        return kind;
    }

    public int side() {
        return side;
    }

    public int count() {
        return inputs.length / seqLen;
    }

    public int seqLen() {
        return seqLen;
    }

    public int vocab() {
        return vocab;
    }

    public byte[] input(int i) {
        return row(inputs, i);
    }

    public byte[] label(int i) {
        return row(labels, i);
    }

    public int[] inputInts(int i) {
        return ints(input(i));
    }

    public int[] labelInts(int i) {
        return ints(label(i));
    }

    public int difficulty(int i) {
        check(i);
        return difficulty[i];
    }

    public int puzzleIdentifier(int i) {
        check(i);
        return puzzleIdentifiers[i];
    }

    /** All difficulties (a copy), for histograms and filters. */
    public int[] difficulties() {
        return difficulty.clone();
    }

    /** Copies for writing to disk. */
    byte[] inputsArray() {
        return inputs.clone();
    }

    byte[] labelsArray() {
        return labels.clone();
    }

    int[] puzzleIdentifiersArray() {
        return puzzleIdentifiers.clone();
    }

    private byte[] row(byte[] data, int i) {
        check(i);
        byte[] out = new byte[seqLen];
        System.arraycopy(data, i * seqLen, out, 0, seqLen);
        return out;
    }

    private void check(int i) {
        if (i < 0 || i >= count()) throw new IndexOutOfBoundsException(name + ": row " + i + " of " + count());
    }

    private static int[] ints(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i];
        return out;
    }

    /** The rows at {@code indices}, as they are. */
    public Batch batch(int[] indices) {
        return batch(indices, null);
    }

    /**
     * The rows at {@code indices}; with a {@code random}, each row gets its own random validity-preserving
     * augmentation (the same one on input and label): Sudoku digit relabelling and row/column shuffles, maze
     * rotations and reflections. This replaces the reference's 1000 stored copies per puzzle.
     */
    public Batch batch(int[] indices, Random augment) {
        if (augment != null && (kind == PuzzleKind.ARC || kind == PuzzleKind.OTHER || side == 0)) {
            throw new UnsupportedOperationException(name + ": on-the-fly augmentation is for Sudoku and maze sets; "
                    + "ARC is augmented per task before encoding (ArcAugment)");
        }
        int[] in = new int[indices.length * seqLen];
        int[] out = new int[indices.length * seqLen];
        int[] ids = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            byte[] x = input(indices[b]);
            byte[] y = label(indices[b]);
            if (augment != null) {
                if (kind == PuzzleKind.SUDOKU) {
                    SudokuTransform t = SudokuTransform.random(SudokuShape.ofSide(side), augment);
                    x = t.applyTokens(x);
                    y = t.applyTokens(y);
                } else {
                    Dihedral d = Dihedral.values()[augment.nextInt(8)];
                    x = d.apply(x, side);
                    y = d.apply(y, side);
                }
            }
            for (int k = 0; k < seqLen; k++) {
                in[b * seqLen + k] = x[k];
                out[b * seqLen + k] = y[k];
            }
            ids[b] = puzzleIdentifiers[indices[b]];
        }
        return new Batch(indices.length, seqLen, in, out, ids);
    }

    /** SHA-256 over all arrays: equal sets have equal hashes. */
    public String contentHash() {
        MessageDigest md = ContentHash.sha256();
        md.update(ByteBuffer.allocate(12)
                .putInt(vocab)
                .putInt(seqLen)
                .putInt(count())
                .array());
        md.update(inputs);
        md.update(labels);
        ByteBuffer ints = ByteBuffer.allocate(8 * count());
        for (int i = 0; i < count(); i++) ints.putInt(difficulty[i]).putInt(puzzleIdentifiers[i]);
        md.update(ints.array());
        return ContentHash.hex(md);
    }

    /** The class key of row i under the augmentation group (see {@link SudokuCanonical}, {@link Maze#canonicalKey}). */
    public String canonicalKey(int i) {
        return switch (kind) {
            case SUDOKU -> SudokuCanonical.key(SudokuEncoding.decode(input(i), SudokuShape.ofSide(side)));
            case MAZE -> Maze.canonicalKey(input(i), side);
            default -> ContentHash.of(input(i)); // no group known: only identical rows count as the same
        };
    }

    @Override
    public String toString() {
        return "PuzzleDataSet[" + name + ", " + kind + ", " + count() + " × " + seqLen + ", vocab " + vocab + "]";
    }
}
