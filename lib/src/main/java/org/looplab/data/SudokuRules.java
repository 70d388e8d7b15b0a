package org.looplab.data;

import java.util.Optional;

/** What makes a Sudoku grid valid; used to verify every label and every augmentation. */
public final class SudokuRules {
    private SudokuRules() {}

    /** The first broken rule in reading order, e.g. "row 2 repeats 3 at column 4", or empty when none is. */
    public static Optional<String> firstViolation(Sudoku grid) {
        SudokuShape shape = grid.shape();
        int side = shape.side();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int d = grid.get(r, c);
                if (d == 0) continue;
                for (int c2 = c + 1; c2 < side; c2++) {
                    if (grid.get(r, c2) == d)
                        return Optional.of(
                                "row " + (r + 1) + " repeats " + d + " at columns " + (c + 1) + " and " + (c2 + 1));
                }
                for (int r2 = r + 1; r2 < side; r2++) {
                    if (grid.get(r2, c) == d)
                        return Optional.of(
                                "column " + (c + 1) + " repeats " + d + " at rows " + (r + 1) + " and " + (r2 + 1));
                }
                for (int r2 = r; r2 < side; r2++) {
                    for (int c2 = 0; c2 < side; c2++) {
                        if ((r2 > r || c2 > c) && shape.box(r2, c2) == shape.box(r, c) && grid.get(r2, c2) == d) {
                            return Optional.of("box " + (shape.box(r, c) + 1) + " repeats " + d + " at row " + (r + 1)
                                    + ", column " + (c + 1) + " and row " + (r2 + 1) + ", column " + (c2 + 1));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** No repeated digit in any row, column or box (blanks allowed). */
    public static boolean isConsistent(Sudoku grid) {
        return firstViolation(grid).isEmpty();
    }

    /** Complete and consistent. */
    public static boolean isSolved(Sudoku grid) {
        return grid.isComplete() && isConsistent(grid);
    }

    /** {@code solution} is solved and keeps every given of {@code puzzle}. */
    public static boolean solves(Sudoku solution, Sudoku puzzle) {
        if (!solution.shape().equals(puzzle.shape()) || !isSolved(solution)) return false;
        for (int i = 0; i < puzzle.shape().cells(); i++) {
            if (puzzle.get(i) != 0 && puzzle.get(i) != solution.get(i)) return false;
        }
        return true;
    }
}
