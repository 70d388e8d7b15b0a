package org.looplab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.looplab.provenance.ContentHash;

/**
 * A key that is equal for two puzzles whenever one is an augmentation of the other ({@link SudokuTransform}), so
 * train/test splits can be kept apart "under any augmentation".
 *
 * <ul>
 *   <li>4×4 and 6×6: an exact canonical form. All cell permutations of the group (128 and 3,456) are tried; digits
 *   are relabelled by order of first appearance; the smallest result is the form. Equal keys ⇔ equivalent.</li>
 *   <li>9×9: the group has 2·6⁸ ≈ 3.4 million cell permutations, too many per puzzle, so the key is an invariant
 *   instead: colour refinement (Weisfeiler-Lehman) on the cells, with relations the group keeps (same line, same
 *   box, same band-or-stack, same digit). Equivalent ⇒ equal keys always; unrelated puzzles that collide would
 *   only be kept out of the test split, never leak into it.</li>
 * </ul>
 */
public final class SudokuCanonical {
    private SudokuCanonical() {}

    private static final List<int[]> FOUR_GROUP = spatialGroup(SudokuShape.FOUR);
    private static volatile List<int[]> sixGroup;

    /** The key as lower-case hex. */
    public static String key(Sudoku puzzle) {
        SudokuShape shape = puzzle.shape();
        if (shape.equals(SudokuShape.FOUR)) return ContentHash.of(canonicalForm(puzzle.cells(), FOUR_GROUP));
        if (shape.equals(SudokuShape.SIX)) return ContentHash.of(canonicalForm(puzzle.cells(), six()));
        return Long.toHexString(invariant(puzzle));
    }

    /** Whether {@link #key} is exact (a complete canonical form) for this shape. */
    public static boolean exact(SudokuShape shape) {
        return shape.side() < 9;
    }

    private static List<int[]> six() {
        if (sixGroup == null) sixGroup = spatialGroup(SudokuShape.SIX);
        return sixGroup;
    }

    static byte[] canonicalForm(byte[] cells, List<int[]> group) {
        byte[] best = null;
        byte[] candidate = new byte[cells.length];
        byte[] relabel = new byte[10];
        for (int[] from : group) {
            Arrays.fill(relabel, (byte) 0);
            byte next = 1;
            boolean better = best == null;
            boolean decided = better;
            for (int i = 0; i < cells.length; i++) {
                int d = cells[from[i]];
                byte v = 0;
                if (d != 0) {
                    if (relabel[d] == 0) relabel[d] = next++;
                    v = relabel[d];
                }
                candidate[i] = v;
                if (!decided && v != best[i]) {
                    decided = true;
                    better = v < best[i];
                    if (!better) break; // already larger than the best: stop early
                }
            }
            if (better) best = candidate.clone();
        }
        return best;
    }

    /** All cell permutations of the group (without digit relabelling), including transposes when valid. */
    static List<int[]> spatialGroup(SudokuShape shape) {
        List<int[]> out = new ArrayList<>();
        byte[] digits = SudokuTransform.identity(shape).digitMap();
        List<int[]> bandPerms = permutations(shape.bands());
        List<int[]> rowPerms = permutations(shape.boxRows());
        List<int[]> stackPerms = permutations(shape.stacks());
        List<int[]> colPerms = permutations(shape.boxCols());
        List<int[][]> rowsInBands = product(rowPerms, shape.bands());
        List<int[][]> colsInStacks = product(colPerms, shape.stacks());
        for (int t = 0; t < (shape.transposable() ? 2 : 1); t++) {
            for (int[] bands : bandPerms) {
                for (int[][] rows : rowsInBands) {
                    for (int[] stacks : stackPerms) {
                        for (int[][] cols : colsInStacks) {
                            out.add(SudokuTransform.of(shape, digits, t == 1, bands, rows, stacks, cols)
                                    .cellFrom());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
        if (k == p.length) {
            out.add(p.clone());
            return;
        }
        for (int v = 0; v < p.length; v++) {
            if (used[v]) continue;
            used[v] = true;
            p[k] = v;
            permute(p, used, k + 1, out);
            used[v] = false;
        }
    }

    private static List<int[][]> product(List<int[]> perms, int times) {
        List<int[][]> out = new ArrayList<>();
        out.add(new int[0][]);
        for (int t = 0; t < times; t++) {
            List<int[][]> next = new ArrayList<>();
            for (int[][] prefix : out) {
                for (int[] p : perms) {
                    int[][] longer = Arrays.copyOf(prefix, prefix.length + 1);
                    longer[prefix.length] = p;
                    next.add(longer);
                }
            }
            out = next;
        }
        return out;
    }

    // ---- 9×9 invariant -------------------------------------------------------------------------------------

    private static final int ROUNDS = 3;

    static long invariant(Sudoku puzzle) {
        SudokuShape shape = puzzle.shape();
        int side = shape.side();
        int n = shape.cells();
        byte[] cells = puzzle.cells();
        long[] colour = new long[n];
        for (int i = 0; i < n; i++) colour[i] = cells[i] == 0 ? 1 : 2;
        long[] next = new long[n];
        long[] bag = new long[n];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < n; i++) {
                int r = i / side;
                int c = i % side;
                int used = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    int r2 = j / side;
                    int c2 = j % side;
                    boolean line = r == r2 || c == c2;
                    boolean box = shape.box(r, c) == shape.box(r2, c2);
                    boolean chute =
                            r / shape.boxRows() == r2 / shape.boxRows() || c / shape.boxCols() == c2 / shape.boxCols();
                    boolean digit = cells[i] != 0 && cells[i] == cells[j];
                    if (!line && !box && !chute && !digit) continue;
                    // The relation kinds are symmetric under transpose (row and column are both "line").
                    int kind = (line ? 1 : 0) | (box ? 2 : 0) | (chute ? 4 : 0) | (digit ? 8 : 0);
                    bag[used++] = mix(colour[j] * 31 + kind);
                }
                Arrays.sort(bag, 0, used);
                long h = mix(colour[i] ^ 0x51ED27L);
                for (int k = 0; k < used; k++) h = mix(h * 1_000_003L + bag[k]);
                next[i] = h;
            }
            long[] t = colour;
            colour = next;
            next = t;
        }
        long[] sorted = colour.clone();
        Arrays.sort(sorted);
        long h = side;
        for (long v : sorted) h = mix(h * 1_000_003L + v);
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
