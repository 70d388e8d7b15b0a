package org.looplab.train;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Bookkeeping of the reference's streaming deep supervision (TRM code trm.py L225-297, pretrain.py L289-322): a batch
 * of slots, each
 * holding one puzzle and its carry. One optimiser step is one supervision step for every slot. A slot whose puzzle
 * halted on the previous step is reset (fresh y, z) and refilled with the next puzzle; the others keep iterating.
 *
 * <p>Why the streaming form rather than the paper's "loop N_sup times over one batch": it never idles a slot on a
 * solved puzzle, so every optimiser step trains on a full batch, and "steps used" means what it means in the
 * reference. At train time a slot halts when its halt logit is above 0 (TRM) or after {@code maxSteps}; with
 * probability {@code exploration} a fresh slot draws a minimum of 2..maxSteps steps before it may halt, so the halt
 * head also sees late steps. HRM's rule ({@code q_halt > q_continue}) passes the difference of its logits.
 */
public final class HaltingSlots {
    private final int maxSteps; // N_sup
    private final double exploration; // 0.1 in both papers
    private final Random random;
    private final int[] puzzle; // data index held by each slot, -1 before the first fill
    private final int[] steps; // supervision steps this slot's puzzle has had
    private final int[] minSteps; // exploration floor for this slot's puzzle
    private final boolean[] halted;

    public HaltingSlots(int slots, int maxSteps, double exploration, Random random) {
        if (slots < 1) throw new IllegalArgumentException("slots must be >= 1, was " + slots);
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps (N_sup) must be >= 1, was " + maxSteps);
        if (exploration < 0 || exploration > 1)
            throw new IllegalArgumentException("exploration must be in [0, 1], was " + exploration);
        this.maxSteps = maxSteps;
        this.exploration = exploration;
        this.random = random;
        this.puzzle = new int[slots];
        this.steps = new int[slots];
        this.minSteps = new int[slots];
        this.halted = new boolean[slots];
        Arrays.fill(puzzle, -1);
        Arrays.fill(halted, true); // every slot starts empty, i.e. as if its (non-existent) puzzle had halted
    }

    public int slots() {
        return puzzle.length;
    }

    /**
     * Starts a supervision step: refills every halted slot with {@code next.getAsInt()} and resets its counters.
     *
     * @return for each slot, whether its carry must be reset to the initial latents this step
     */
    public boolean[] beginStep(IntSupplier next) {
        return beginStep(next, random);
    }

    /**
     * As {@link #beginStep(IntSupplier)}, with this step's exploration draws taken from {@code draws}: a trainer
     * that resumes exactly passes a generator derived from (seed, step), so no generator state needs saving.
     */
    public boolean[] beginStep(IntSupplier next, Random draws) {
        boolean[] reset = halted.clone();
        for (int s = 0; s < puzzle.length; s++) {
            if (!reset[s]) continue;
            puzzle[s] = next.getAsInt();
            steps[s] = 0;
            minSteps[s] = draws.nextDouble() < exploration ? 2 + draws.nextInt(maxSteps - 1) : 1;
            halted[s] = false;
        }
        return reset;
    }

    /**
     * Ends the step: counts it for every slot and decides who halts.
     *
     * @param haltMargin per slot, the halt logit (TRM) or {@code q_halt − q_continue} (HRM); halts when {@code > 0}
     * @return a copy of the halted flags
     */
    public boolean[] endStep(float[] haltMargin) {
        if (haltMargin.length != puzzle.length) {
            throw new IllegalArgumentException("expected " + puzzle.length + " halt logits, got " + haltMargin.length);
        }
        for (int s = 0; s < puzzle.length; s++) {
            steps[s]++;
            boolean wantsToStop = haltMargin[s] > 0 && steps[s] >= minSteps[s];
            halted[s] = steps[s] >= maxSteps || (maxSteps > 1 && wantsToStop);
        }
        return halted.clone();
    }

    /** Data index each slot holds now. */
    public int[] puzzles() {
        return puzzle.clone();
    }

    /** Supervision steps each slot's puzzle has had (after {@link #endStep}: including this one). */
    public int[] steps() {
        return steps.clone();
    }

    /** Exploration floors (1 = may halt after any step). */
    public int[] minSteps() {
        return minSteps.clone();
    }

    /** Everything that decides the next steps, for a checkpoint (the generator is not part of it: see beginStep). */
    public record State(int[] puzzle, int[] steps, int[] minSteps, boolean[] halted) {}

    public State state() {
        return new State(puzzle.clone(), steps.clone(), minSteps.clone(), halted.clone());
    }

    /** Puts back a {@link #state()} of the same number of slots. */
    public void restore(State s) {
        if (s.puzzle().length != puzzle.length
                || s.steps().length != puzzle.length
                || s.minSteps().length != puzzle.length
                || s.halted().length != puzzle.length)
            throw new IllegalArgumentException(
                    "saved slot state holds " + s.puzzle().length + " slots, this batch has " + puzzle.length);
        System.arraycopy(s.puzzle(), 0, puzzle, 0, puzzle.length);
        System.arraycopy(s.steps(), 0, steps, 0, puzzle.length);
        System.arraycopy(s.minSteps(), 0, minSteps, 0, puzzle.length);
        System.arraycopy(s.halted(), 0, halted, 0, puzzle.length);
    }
}
