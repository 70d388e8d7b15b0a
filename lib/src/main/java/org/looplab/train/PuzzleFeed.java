package org.looplab.train;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.looplab.data.PuzzleDataSet;
import org.looplab.provenance.Seeds;

/**
 * The puzzles of the streaming carry ({@link HaltingSlots}): which puzzle each slot holds, in which augmentation,
 * and which comes next. One epoch is every training puzzle once, in a fresh order.
 *
 * <p>Every random draw derives from (seed, purpose, when): the data order from the epoch, the augmentations and the
 * halting-exploration floors from the step. A resumed run therefore draws exactly what an uninterrupted one draws,
 * and a checkpoint only needs {@link State}, not the state of any generator.
 */
public final class PuzzleFeed {
    private final PuzzleDataSet data;
    private final long seed;
    private final boolean augment;
    private final HaltingSlots slots;
    private final int cells;
    private final long[] inputs, labels, ids; // the puzzle each slot holds: [B * cells], [B * cells], [B]
    private long epoch = -1; // -1: no order drawn yet
    private int[] permutation;
    private int cursor;

    public PuzzleFeed(PuzzleDataSet data, TrainConfig cfg, int maxSupervision, long seed) {
        this.data = data;
        this.seed = seed;
        this.augment = cfg.augment();
        this.cells = data.seqLen();
        // The constructor's generator is never used: every step passes its own (see beginStep below).
        this.slots = new HaltingSlots(cfg.batchSize(), maxSupervision, cfg.haltExploration(), new Random(seed));
        this.inputs = new long[cfg.batchSize() * cells];
        this.labels = new long[cfg.batchSize() * cells];
        this.ids = new long[cfg.batchSize()];
    }

    /**
     * Starts supervision step {@code step} (1-based): every slot whose puzzle halted gets the next puzzle, freshly
     * augmented. Returns, per slot, whether its carry must restart from the initial latents.
     */
    public boolean[] beginStep(long step) {
        boolean[] reset = slots.beginStep(this::nextPuzzle, Seeds.random(seed, "halting exploration@" + step));
        int[] which = IntStream.range(0, reset.length).filter(s -> reset[s]).toArray();
        if (which.length == 0) return reset;
        int[] held = slots.puzzles();
        int[] rows = Arrays.stream(which).map(s -> held[s]).toArray();
        PuzzleDataSet.Batch b = data.batch(rows, augment ? Seeds.random(seed, "augmentation@" + step) : null);
        for (int k = 0; k < which.length; k++) {
            int s = which[k];
            for (int c = 0; c < cells; c++) {
                inputs[s * cells + c] = b.inputs()[k * cells + c];
                labels[s * cells + c] = b.labels()[k * cells + c];
            }
            ids[s] = b.puzzleIdentifiers()[k];
        }
        return reset;
    }

    /**
     * Ends the step: {@code haltMargin} per slot (TRM: halt logit; HRM: q_halt − q_continue) decides who halts.
     * Returns the halted flags.
     */
    public boolean[] endStep(float[] haltMargin) {
        return slots.endStep(haltMargin);
    }

    /** Supervision steps each slot's puzzle has had before this step. */
    public int[] steps() {
        return slots.steps();
    }

    public int slots() {
        return slots.slots();
    }

    public int cells() {
        return cells;
    }

    /** Tokens of the held puzzles, {@code [B * cells]} (owned by the feed: read, do not keep). */
    long[] inputs() {
        return inputs;
    }

    /** Solutions of the held puzzles, {@code [B * cells]}. */
    long[] labels() {
        return labels;
    }

    /** Puzzle identifiers of the held puzzles, {@code [B]}. */
    long[] puzzleIds() {
        return ids;
    }

    private int nextPuzzle() {
        if (permutation == null || cursor == permutation.length) {
            epoch++;
            permutation = order(epoch);
            cursor = 0;
        }
        return permutation[cursor++];
    }

    private int[] order(long e) {
        Random r = Seeds.random(seed, "data order@epoch " + e);
        int[] p = new int[data.count()];
        for (int i = 0; i < p.length; i++) p[i] = i;
        for (int i = p.length - 1; i > 0; i--) { // Fisher-Yates
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** What a checkpoint keeps of the feed: the epoch and position in its order, the slots and the held puzzles. */
    public record State(long epoch, int cursor, HaltingSlots.State slots, long[] inputs, long[] labels, long[] ids) {}

    public State state() {
        return new State(epoch, cursor, slots.state(), inputs.clone(), labels.clone(), ids.clone());
    }

    /** Puts back a {@link #state()} saved by a feed of the same data set and batch size. */
    public void restore(State s) {
        if (s.inputs().length != inputs.length || s.ids().length != ids.length)
            throw new IllegalArgumentException("saved feed holds " + s.ids().length + " slots of "
                    + (s.ids().length == 0 ? 0 : s.inputs().length / s.ids().length) + " cells, this one " + ids.length
                    + " of " + cells);
        slots.restore(s.slots());
        System.arraycopy(s.inputs(), 0, inputs, 0, inputs.length);
        System.arraycopy(s.labels(), 0, labels, 0, labels.length);
        System.arraycopy(s.ids(), 0, ids, 0, ids.length);
        epoch = s.epoch();
        permutation = epoch < 0 ? null : order(epoch);
        cursor = s.cursor();
    }
}
