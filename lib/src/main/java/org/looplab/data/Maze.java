package org.looplab.data;

import java.util.Arrays;

/**
 * An N×N maze in the reference tokens (Maze-Hard charset {@code "# SGo"}): {@link #WALL} 1, {@link #OPEN} 2,
 * {@link #START} 3, {@link #GOAL} 4, and in a label {@link #PATH} 5 on the cells between start and goal. 0 is pad.
 * Exactly one start and one goal.
 */
public record Maze(int size, byte[] cells) {

    public static final byte PAD = 0;
    public static final byte WALL = 1;
    public static final byte OPEN = 2;
    public static final byte START = 3;
    public static final byte GOAL = 4;
    public static final byte PATH = 5;
    public static final int VOCAB = 6;

    public Maze {
        if (cells.length != size * size) {
            throw new IllegalArgumentException(
                    "a " + size + "×" + size + " maze has " + size * size + " cells, got " + cells.length);
        }
        cells = cells.clone();
        int starts = 0;
        int goals = 0;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] < WALL || cells[i] > PATH) {
                throw new IllegalArgumentException(
                        "maze cell " + (i + 1) + " holds token " + cells[i] + "; tokens are 1..5");
            }
            if (cells[i] == START) starts++;
            if (cells[i] == GOAL) goals++;
        }
        if (starts != 1 || goals != 1) {
            throw new IllegalArgumentException("a maze has one start and one goal, found " + starts + " and " + goals);
        }
    }

    @Override
    public byte[] cells() {
        return cells.clone();
    }

    public int get(int row, int col) {
        return cells[row * size + col];
    }

    public int get(int index) {
        return cells[index];
    }

    public int start() {
        return indexOf(START);
    }

    public int goal() {
        return indexOf(GOAL);
    }

    private int indexOf(byte token) {
        for (int i = 0; i < cells.length; i++) if (cells[i] == token) return i;
        throw new IllegalStateException("checked in the constructor");
    }

    /** The maze with path marks removed (a label back to its input). */
    public Maze withoutPath() {
        byte[] c = cells.clone();
        for (int i = 0; i < c.length; i++) if (c[i] == PATH) c[i] = OPEN;
        return new Maze(size, c);
    }

    /**
     * A key equal for two mazes exactly when one is a rotation or reflection of the other: the smallest token
     * array over the 8 {@link Dihedral} elements, hashed. Keeps train and test apart under augmentation.
     */
    public String canonicalKey() {
        return canonicalKey(cells, size);
    }

    /** {@link #canonicalKey()} of a row of tokens (input or label) of a {@code size×size} maze. */
    public static String canonicalKey(byte[] tokens, int size) {
        byte[] best = null;
        for (Dihedral d : Dihedral.values()) {
            byte[] t = d.apply(tokens, size);
            if (best == null || java.util.Arrays.compare(t, best) < 0) best = t;
        }
        return org.looplab.provenance.ContentHash.of(best);
    }

    /** Rows of the Maze-Hard characters {@code # SGo}, joined by newlines ({@link MazeText}). */
    public String text() {
        return MazeText.format(cells, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Maze m && m.size == size && Arrays.equals(m.cells, cells);
    }

    @Override
    public int hashCode() {
        return size * 31 + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "Maze[" + size + "×" + size + "]";
    }
}
