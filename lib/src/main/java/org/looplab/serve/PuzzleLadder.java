package org.looplab.serve;

import java.util.ArrayList;
import java.util.List;
import org.looplab.Profile;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;

/**
 * Sudoku puzzles of increasing difficulty for a demonstration: per size, from one blank cell to a minimal puzzle
 * (no given can go without losing uniqueness), the generator's seeded puzzles with their solver backtracks; and for
 * the sizes where search matters (9×9), on up to minimal puzzles that need it.
 */
public final class PuzzleLadder {
    private PuzzleLadder() {}

    /**
     * One puzzle on the ladder.
     *
     * @param level      {@code 1 blank}, {@code 25% blank}, {@code 50% blank}, {@code minimal}, and on the search
     *                   ladder {@code minimal, ≥ 3 backtracks}, {@code minimal, ≥ 20 backtracks}
     * @param side       4, 6 or 9
     * @param givens     given digits
     * @param backtracks the classical solver's dead ends on it (0: propagation alone solves it)
     * @param puzzle     the text form
     */
    public record Rung(String level, int side, int givens, long backtracks, String puzzle) {}

    /**
     * The floors of backtracks of {@link #sudokuWithSearch}'s last two levels: 3 is {@code sudoku9-hard}'s rule; 20
     * is rare among minimal 9×9 puzzles (0.3% of {@code sudoku9-mixed}) and near the Sudoku-Extreme average (22,
     * counted by another solver), yet costs a fraction of a second to generate.
     */
    public static final int SEARCH = PuzzleDataSets.SUDOKU9_HARD_MIN_BACKTRACKS, DEEP_SEARCH = 20;

    /** Puzzles per level a notebook asks for: one in the smoke profile, so the notebook test stays fast. */
    public static int perLevel(Profile p) {
        return p == Profile.SMOKE ? 1 : 4;
    }

    /** {@code perLevel} puzzles at each of four levels for each side, in order of size, then difficulty. */
    public static List<Rung> sudoku(List<Integer> sides, int perLevel, long seed) {
        List<Rung> out = new ArrayList<>();
        for (int side : sides) climb(out, side, blanking(side), perLevel, seed);
        return out;
    }

    /**
     * {@link #sudoku}'s four levels for one side, then minimal puzzles that need at least {@link #SEARCH} and at least
     * {@link #DEEP_SEARCH} backtracks: six levels. The first four are the same puzzles as {@link #sudoku}'s.
     */
    public static List<Rung> sudokuWithSearch(int side, int perLevel, long seed) {
        List<Level> levels = new ArrayList<>(blanking(side));
        levels.add(new Level("minimal, ≥ " + SEARCH + " backtracks", SudokuGeneratorConfig.hard(side, SEARCH)));
        levels.add(
                new Level("minimal, ≥ " + DEEP_SEARCH + " backtracks", SudokuGeneratorConfig.hard(side, DEEP_SEARCH)));
        List<Rung> out = new ArrayList<>();
        climb(out, side, levels, perLevel, seed);
        return out;
    }

    private record Level(String name, SudokuGeneratorConfig config) {}

    /** One blank cell, a quarter blank, half blank, minimal. */
    private static List<Level> blanking(int side) {
        int cells = side * side;
        return List.of(
                new Level("1 blank", new SudokuGeneratorConfig(side, cells - 1, 0, 1)),
                new Level("25% blank", new SudokuGeneratorConfig(side, cells - cells / 4, 0, 1)),
                new Level("50% blank", new SudokuGeneratorConfig(side, cells / 2, 0, 1)),
                new Level("minimal", SudokuGeneratorConfig.minimal(side)));
    }

    private static void climb(List<Rung> out, int side, List<Level> levels, int perLevel, long seed) {
        for (int level = 0; level < levels.size(); level++) {
            var gen = new SudokuGenerator(levels.get(level).config());
            for (int i = 0; i < perLevel; i++) {
                var g = gen.generate(seed, level * 1000L + i);
                out.add(new Rung(
                        levels.get(level).name(),
                        side,
                        g.puzzle().givens(),
                        g.backtracks(),
                        g.puzzle().text()));
            }
        }
    }
}
