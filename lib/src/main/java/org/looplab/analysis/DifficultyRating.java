package org.looplab.analysis;

import java.util.Locale;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuRating;
import org.looplab.data.SudokuShape;

/**
 * Which classical measure of difficulty the halting analysis orders puzzles by (issue 12 item 1: backtracks, and a
 * propagation-depth measure where backtracks are too coarse). Either way, among equal values fewer givens rank harder
 * ({@link DifficultyBucket}).
 *
 * <ul>
 *   <li>{@link #BACKTRACKS}: the value stored with the data set, the solver's backtracks (Sudoku) or the shortest path
 *       length (mazes). On minimal 6×6 Sudoku 95% of puzzles need 0 backtracks, so it hardly separates them.
 *   <li>{@link #PROPAGATION}: for a Sudoku that naked and hidden singles solve, the rounds of singles it takes
 *       ({@link SudokuRating#singlesRounds()}, the length of its chain of forced deductions); a Sudoku that needs
 *       search ranks above every such puzzle, at {@link #SEARCH} + backtracks (so its value reads "needs search,
 *       with this many backtracks"). Sudoku only.
 * </ul>
 */
public enum DifficultyRating {
    BACKTRACKS("backtracks"),
    PROPAGATION("propagation");

    /** A puzzle singles cannot finish is rated this plus its backtracks: above every propagation-only puzzle. */
    public static final int SEARCH = 100;

    private final String id;

    DifficultyRating(String id) {
        this.id = id;
    }

    /** The name used on the command line and in halting records. */
    public String id() {
        return id;
    }

    /** What the value means, for table headers and captions. */
    public String describe() {
        return this == BACKTRACKS
                ? "solver backtracks (mazes: shortest path length), then fewer givens"
                : "rounds of singles to solve; " + SEARCH + " + backtracks when search is needed; then fewer givens";
    }

    /** The column name of the value in tables. */
    public String column() {
        return this == BACKTRACKS ? "backtracks" : "singles rounds (" + SEARCH + "+bt: search)";
    }

    public static DifficultyRating parse(String s) {
        for (DifficultyRating r : values()) if (r.id.equals(s.toLowerCase(Locale.ROOT))) return r;
        throw new IllegalArgumentException("difficulty rating must be backtracks or propagation, was " + s);
    }

    /** The difficulty of row {@code row} of {@code set} under this rating. */
    public int of(PuzzleDataSet set, int row) {
        if (this == BACKTRACKS) return set.difficulty(row);
        if (set.kind() != PuzzleKind.SUDOKU)
            throw new IllegalArgumentException(
                    set.name() + ": the propagation rating is for Sudoku; rate " + set.kind() + " by backtracks");
        return value(SudokuRating.of(SudokuEncoding.decode(set.input(row), SudokuShape.ofSide(set.side()))));
    }

    /** The propagation rating's value of a Sudoku's rating. */
    static int value(SudokuRating r) {
        return r.solvedBySingles() ? r.singlesRounds() : SEARCH + (int) Math.min(r.backtracks(), 1_000_000);
    }
}
