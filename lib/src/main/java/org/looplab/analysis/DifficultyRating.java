package org.looplab.analysis;

import java.util.Locale;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuRating;
import org.looplab.data.SudokuShape;

/**
 * Which classical measure of difficulty the halting analysis orders puzzles by (backtracks, and a
 * propagation-depth measure where backtracks are too coarse). Either way, among equal values fewer givens rank harder
 * ({@link DifficultyBucket}).
 *
 * <ul>
 *   <li>{@link #BACKTRACKS}: the value stored with a Sudoku data set, the solver's backtracks. On minimal 6×6 Sudoku
 *       95% of puzzles need 0 backtracks, so it hardly separates them.
 *   <li>{@link #PROPAGATION}: for a Sudoku that naked and hidden singles solve, the rounds of singles it takes
 *       ({@link SudokuRating#singlesRounds()}, the length of its chain of forced deductions); a Sudoku that needs
 *       search ranks above every such puzzle, at {@link #SEARCH} + backtracks (so its value reads "needs search,
 *       with this many backtracks"). Sudoku only.
 *   <li>{@link #PATH_LENGTH}: the value stored with a maze data set, the length of its shortest path in moves. Mazes
 *       only: it used to travel under the name "backtracks", which misled every table and record that named it.
 * </ul>
 *
 * <p>{@link #storedFor} names the value a data set carries, the default wherever no rating is chosen.
 */
public enum DifficultyRating {
    BACKTRACKS("backtracks"),
    PROPAGATION("propagation"),
    PATH_LENGTH("path-length");

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
        return switch (this) {
            case BACKTRACKS -> "solver backtracks, then fewer givens";
            case PROPAGATION ->
                "rounds of singles to solve; " + SEARCH + " + backtracks when search is needed; then fewer givens";
            case PATH_LENGTH -> "shortest path length (moves from start to goal)";
        };
    }

    /** The column name of the value in tables. */
    public String column() {
        return switch (this) {
            case BACKTRACKS -> "backtracks";
            case PROPAGATION -> "singles rounds (" + SEARCH + "+bt: search)";
            case PATH_LENGTH -> "path length";
        };
    }

    /** Whether the value is the one stored with the data set (no solver run needed to rate a puzzle). */
    public boolean stored() {
        return this != PROPAGATION;
    }

    /** The rating whose value a data set of this kind stores: path length for mazes, backtracks otherwise. */
    public static DifficultyRating storedFor(PuzzleKind kind) {
        return kind == PuzzleKind.MAZE ? PATH_LENGTH : BACKTRACKS;
    }

    public static DifficultyRating parse(String s) {
        for (DifficultyRating r : values()) if (r.id.equals(s.toLowerCase(Locale.ROOT))) return r;
        throw new IllegalArgumentException(
                "difficulty rating must be backtracks, propagation or path-length, was " + s);
    }

    /** A clear error when this rating does not apply to {@code set}'s kind of puzzle. */
    public void check(PuzzleDataSet set) {
        boolean maze = set.kind() == PuzzleKind.MAZE;
        if (this == PATH_LENGTH && !maze)
            throw new IllegalArgumentException(
                    set.name() + ": the path-length rating is for mazes; rate " + set.kind() + " by backtracks");
        if (this == PROPAGATION && set.kind() != PuzzleKind.SUDOKU)
            throw new IllegalArgumentException(set.name() + ": the propagation rating is for Sudoku; rate " + set.kind()
                    + " by " + storedFor(set.kind()).id());
        if (this == BACKTRACKS && maze)
            throw new IllegalArgumentException(
                    set.name() + ": a maze has no backtracks; rate it by path-length (its shortest path length)");
    }

    /** The difficulty of row {@code row} of {@code set} under this rating. */
    public int of(PuzzleDataSet set, int row) {
        check(set);
        if (stored()) return set.difficulty(row);
        return value(SudokuRating.of(SudokuEncoding.decode(set.input(row), SudokuShape.ofSide(set.side()))));
    }

    /** The propagation rating's value of a Sudoku's rating. */
    static int value(SudokuRating r) {
        return r.solvedBySingles() ? r.singlesRounds() : SEARCH + (int) Math.min(r.backtracks(), 1_000_000);
    }
}
