package org.looplab.data;

import java.util.Arrays;

/**
 * How hard a Sudoku is for the classical solver, in two measures. Backtracks (full search) say whether and how much
 * search is needed, but most small minimal puzzles need none (96% of minimal 6×6, about a third of minimal 9×9), so
 * among those they are all "0". The propagation depth separates them: rounds of singles, where each round fills every
 * cell that is a naked single (one candidate left) or a hidden single (the only place for a digit in a row, column
 * or box) given the cells filled so far. A puzzle that needs more rounds has a longer chain of forced deductions —
 * the sort of thing an iterating model should need more steps for.
 *
 * @param backtracks      the solver's backtracks over the full uniqueness search ({@link SudokuSolver})
 * @param singlesRounds   rounds of simultaneous singles until solved or stuck
 * @param solvedBySingles whether singles alone finish the grid (then no search is ever needed)
 */
public record SudokuRating(long backtracks, int singlesRounds, boolean solvedBySingles) {

    public static SudokuRating of(Sudoku puzzle) {
        SudokuSolver solver = SudokuSolver.of(puzzle.shape());
        SudokuSolver.Result r = solver.solve(puzzle);
        if (r.solutions() != 1)
            throw new IllegalArgumentException(
                    "puzzle " + puzzle.text() + " has " + r.solutions() + " solutions; a rating needs exactly 1");
        byte[] cells = puzzle.cells().clone();
        int side = puzzle.side(), full = (1 << side) - 1, rounds = 0;
        while (true) {
            byte[] next = cells.clone();
            boolean filled = false;
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] != 0) continue;
                int allowed = allowed(solver, cells, c, full);
                if (Integer.bitCount(allowed) == 1) {
                    next[c] = (byte) (Integer.numberOfTrailingZeros(allowed) + 1);
                    filled = true;
                }
                for (int[] unit : solver.unitsOf(c))
                    for (int d = 1; d <= side; d++) {
                        if ((allowed & (1 << (d - 1))) == 0 || !onlyPlace(solver, cells, unit, c, d, full)) continue;
                        next[c] = (byte) d;
                        filled = true;
                    }
            }
            if (!filled) break;
            cells = next;
            rounds++;
        }
        boolean solved = true;
        for (byte b : cells) solved &= b != 0;
        return new SudokuRating(r.backtracks(), rounds, solved);
    }

    /** Digits no peer of {@code cell} shows yet, as a bitmask (bit d-1 for digit d). */
    private static int allowed(SudokuSolver solver, byte[] cells, int cell, int full) {
        int seen = 0;
        for (int p : solver.peers(cell)) if (cells[p] != 0) seen |= 1 << (cells[p] - 1);
        return full & ~seen;
    }

    /** Whether {@code cell} is the only blank of {@code unit} that can take {@code digit} (and the unit lacks it). */
    private static boolean onlyPlace(SudokuSolver solver, byte[] cells, int[] unit, int cell, int digit, int full) {
        if (Arrays.stream(unit).anyMatch(x -> cells[x] == digit)) return false;
        for (int x : unit)
            if (x != cell && cells[x] == 0 && (allowed(solver, cells, x, full) & (1 << (digit - 1))) != 0) return false;
        return true;
    }
}
