package org.looplab.data;

import java.util.Arrays;
import java.util.Random;

/**
 * The reference ARC augmentation: one of the 8 {@link Dihedral} transforms and a permutation of colours 1-9,
 * with black (0) fixed because it is usually the background. Applied to every grid of a task alike, it keeps the
 * task's rule; {@link #inverse()} maps a prediction on the augmented task back.
 *
 * @param colourMap new colour of old colour c at index c (length 10, {@code colourMap[0] == 0})
 */
public record ArcAugment(Dihedral dihedral, byte[] colourMap) {

    public ArcAugment {
        if (colourMap.length != 10 || colourMap[0] != 0)
            throw new IllegalArgumentException("colourMap must have 10 entries with 0 → 0");
        boolean[] seen = new boolean[10];
        for (byte c : colourMap) {
            if (c < 0 || c > 9 || seen[c])
                throw new IllegalArgumentException(
                        "colourMap must be a permutation of 0-9: " + Arrays.toString(colourMap));
            seen[c] = true;
        }
        colourMap = colourMap.clone();
    }

    public static ArcAugment identity() {
        return new ArcAugment(Dihedral.IDENTITY, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    }

    public static ArcAugment random(Random random) {
        Dihedral d = Dihedral.values()[random.nextInt(8)];
        int[] perm = SudokuTransform.shuffled(9, random);
        byte[] map = new byte[10];
        for (int c = 1; c <= 9; c++) map[c] = (byte) (perm[c - 1] + 1);
        return new ArcAugment(d, map);
    }

    public Grid apply(Grid g) {
        Grid t = dihedral.apply(g);
        byte[] cells = t.cells();
        for (int i = 0; i < cells.length; i++) cells[i] = colourMap[cells[i]];
        return new Grid(t.rows(), t.cols(), cells);
    }

    /** Every grid of the task, with the same transform. */
    public ArcTask apply(ArcTask task) {
        return new ArcTask(
                task.id(),
                task.train().stream().map(this::apply).toList(),
                task.test().stream().map(this::apply).toList());
    }

    private ArcTask.Pair apply(ArcTask.Pair p) {
        return new ArcTask.Pair(apply(p.input()), p.hasOutput() ? apply(p.output()) : null);
    }

    /** Recolouring commutes with moving cells, so the inverse is the inverse dihedral with the inverse colours. */
    public ArcAugment inverse() {
        byte[] inv = new byte[10];
        for (int c = 0; c < 10; c++) inv[colourMap[c]] = (byte) c;
        return new ArcAugment(dihedral.inverse(), inv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArcAugment a && a.dihedral == dihedral && Arrays.equals(a.colourMap, colourMap);
    }

    @Override
    public int hashCode() {
        return dihedral.hashCode() * 31 + Arrays.hashCode(colourMap);
    }

    @Override
    public String toString() {
        return "ArcAugment[" + dihedral + ", colours " + Arrays.toString(colourMap) + "]";
    }
}
