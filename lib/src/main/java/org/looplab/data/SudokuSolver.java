package org.looplab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Classical solver: candidates as bitmasks, constraint propagation (naked and hidden singles) and depth-first
 * search on the cell with the fewest candidates. It counts solutions up to a limit (2 proves uniqueness) and
 * measures difficulty as backtracks: guesses that ended in a contradiction while the whole search tree is explored.
 *
 * <p>Exploring the whole tree (rather than stopping at the first solution) makes the count independent of the
 * order digits are tried in, so a digit-relabelled puzzle reports the same difficulty. A puzzle that propagation
 * alone solves has 0 backtracks: "hard" means search is needed (the Sudoku-Extreme idea). Instances are
 * immutable and thread-safe.
 */
public final class SudokuSolver {

    /** What a search found. {@code solutions} stops at the limit asked for (2 for {@link #solve}). */
    public record Result(int solutions, Sudoku solution, long backtracks, long guesses) {
        public boolean unique() {
            return solutions == 1;
        }
    }

    private static final SudokuSolver FOUR = new SudokuSolver(SudokuShape.FOUR);
    private static final SudokuSolver SIX = new SudokuSolver(SudokuShape.SIX);
    private static final SudokuSolver NINE = new SudokuSolver(SudokuShape.NINE);

    private final SudokuShape shape;
    private final int n;
    private final int full;
    private final int
            done; // flag bit above the digits: this cell is fixed and queued (or done) for removal from its peers
    private final int[][] units; // rows, columns, boxes; each side cells
    private final int[][] peers; // cells sharing a unit, without the cell itself

    private SudokuSolver(SudokuShape shape) {
        this.shape = shape;
        int side = shape.side();
        this.n = shape.cells();
        this.full = (1 << side) - 1;
        this.done = 1 << side;
        this.units = new int[3 * side][side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int cell = r * side + c;
                units[r][c] = cell;
                units[side + c][r] = cell;
                int box = shape.box(r, c);
                int posInBox = (r % shape.boxRows()) * shape.boxCols() + c % shape.boxCols();
                units[2 * side + box][posInBox] = cell;
            }
        }
        this.peers = new int[n][];
        for (int cell = 0; cell < n; cell++) {
            boolean[] seen = new boolean[n];
            List<Integer> list = new ArrayList<>();
            for (int[] unit : units) {
                boolean contains = false;
                for (int u : unit) contains |= u == cell;
                if (!contains) continue;
                for (int u : unit) {
                    if (u != cell && !seen[u]) {
                        seen[u] = true;
                        list.add(u);
                    }
                }
            }
            peers[cell] = list.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public static SudokuSolver of(SudokuShape shape) {
        if (shape.equals(SudokuShape.FOUR)) return FOUR;
        if (shape.equals(SudokuShape.SIX)) return SIX;
        if (shape.equals(SudokuShape.NINE)) return NINE;
        return new SudokuSolver(shape);
    }

    public SudokuShape shape() {
        return shape;
    }

    /** The row, column and box of {@code cell}, each as its cells. */
    int[][] unitsOf(int cell) {
        int side = shape.side();
        return new int[][] {
            units[cell / side], units[side + cell % side], units[2 * side + shape.box(cell / side, cell % side)]
        };
    }

    /** Cells sharing a row, column or box with {@code cell}. */
    int[] peers(int cell) {
        return peers[cell];
    }

    /** Counts solutions up to 2 and reports the first one with the difficulty. */
    public Result solve(Sudoku puzzle) {
        return search(candidates(puzzle), 2, null);
    }

    /** Counts solutions up to {@code limit}. */
    public Result count(Sudoku puzzle, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        return search(candidates(puzzle), limit, null);
    }

    /** A random complete grid: search on the empty grid, trying digits in an order drawn from {@code random}. */
    public Sudoku randomSolution(Random random) {
        int[] cand = new int[n];
        java.util.Arrays.fill(cand, full);
        Result r = search(cand, 1, random);
        if (r.solutions() != 1) throw new IllegalStateException("an empty " + shape + " grid has solutions");
        return r.solution();
    }

    /**
     * Whether {@code cells} (blank at {@code cell}) has a solution with a digit other than {@code digit} at
     * {@code cell}. If the grid with {@code digit} there had exactly one solution, this says whether blanking the
     * cell lets in a second one: every other solution must differ exactly there. One first-solution search is
     * much cheaper than counting to two, which is what makes the generator fast.
     */
    boolean hasSolutionAvoiding(byte[] cells, int cell, int digit) {
        int[] cand = candidates(cells);
        cand[cell] = full & ~(1 << (digit - 1));
        return search(cand, 1, null).solutions() > 0;
    }

    private int[] candidates(Sudoku puzzle) {
        if (!puzzle.shape().equals(shape)) {
            throw new IllegalArgumentException("solver for " + shape + " given a " + puzzle.shape() + " puzzle");
        }
        return candidates(puzzle.cells());
    }

    private int[] candidates(byte[] cells) {
        int[] cand = new int[n];
        for (int i = 0; i < n; i++) cand[i] = cells[i] == 0 ? full : 1 << (cells[i] - 1);
        return cand;
    }

    private static final class Search {
        final int limit;
        final Random random;
        int solutions;
        int[] first;
        long backtracks;
        long guesses;

        Search(int limit, Random random) {
            this.limit = limit;
            this.random = random;
        }
    }

    private Result search(int[] cand, int limit, Random random) {
        Search s = new Search(limit, random);
        descend(cand, s, 0);
        Sudoku solution = null;
        if (s.first != null) {
            byte[] cells = new byte[n];
            for (int i = 0; i < n; i++) cells[i] = (byte) (Integer.numberOfTrailingZeros(s.first[i] & full) + 1);
            solution = new Sudoku(shape, cells);
        }
        return new Result(s.solutions, solution, s.backtracks, s.guesses);
    }

    private void descend(int[] cand, Search s, int depth) {
        if (!propagate(cand)) {
            if (depth > 0) s.backtracks++;
            return;
        }
        int best = -1;
        int bestCount = Integer.MAX_VALUE;
        for (int c = 0; c < n; c++) {
            int count = Integer.bitCount(cand[c] & full);
            if (count > 1 && count < bestCount) {
                best = c;
                bestCount = count;
                if (count == 2) break;
            }
        }
        if (best < 0) {
            if (s.solutions++ == 0) s.first = cand.clone();
            return;
        }
        int[] digits = new int[bestCount];
        int m = cand[best] & full;
        for (int k = 0; k < bestCount; k++) {
            digits[k] = Integer.lowestOneBit(m);
            m &= m - 1;
        }
        if (s.random != null) {
            for (int k = bestCount - 1; k > 0; k--) {
                int j = s.random.nextInt(k + 1);
                int t = digits[k];
                digits[k] = digits[j];
                digits[j] = t;
            }
        }
        for (int bit : digits) {
            if (s.solutions >= s.limit) return;
            int[] next = cand.clone();
            next[best] = bit;
            s.guesses++;
            descend(next, s, depth + 1);
        }
    }

    /**
     * Naked and hidden singles until nothing changes; false on a contradiction. A cell that becomes single is
     * queued and its digit removed from its peers at once (no rescans of the grid); hidden singles are looked
     * for only when the queue is empty.
     */
    private boolean propagate(int[] cand) {
        int[] queue = new int[n];
        int top = 0;
        for (int c = 0; c < n; c++) {
            int m = cand[c];
            if ((m & done) == 0 && (m & (m - 1)) == 0) {
                if (m == 0) return false;
                queue[top++] = c;
                cand[c] = m | done; // mark queued, so a cell is queued once
            }
        }
        while (true) {
            while (top > 0) {
                int c = queue[--top];
                int m = cand[c] & full;
                for (int p : peers[c]) {
                    int pm = cand[p];
                    if ((pm & m) == 0) continue;
                    if ((pm & done) != 0) return false; // a placed peer holds the same digit
                    pm &= ~m;
                    if (pm == 0) return false;
                    if ((pm & (pm - 1)) == 0) {
                        queue[top++] = p;
                        pm |= done;
                    }
                    cand[p] = pm;
                }
            }
            for (int[] unit : units) {
                int once = 0;
                int twice = 0;
                for (int c : unit) {
                    int m = cand[c] & full;
                    twice |= once & m;
                    once |= m;
                }
                if (once != full) return false; // some digit has no place left in this unit
                int hidden = once & ~twice;
                while (hidden != 0) {
                    int bit = Integer.lowestOneBit(hidden);
                    hidden &= hidden - 1;
                    for (int c : unit) {
                        if ((cand[c] & bit) != 0) {
                            if ((cand[c] & done) == 0) {
                                cand[c] = bit | done;
                                queue[top++] = c;
                            }
                            break;
                        }
                    }
                }
            }
            if (top == 0) return true;
        }
    }
}
