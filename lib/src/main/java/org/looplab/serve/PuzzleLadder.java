package org.looplab.serve;

import java.util.ArrayList;
import java.util.List;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;

/**
 * Sudoku puzzles of increasing difficulty for a demonstration: per size, from one blank cell to a minimal puzzle
 * (no given can go without losing uniqueness), the generator's seeded puzzles with their solver backtracks.
 */
public final class PuzzleLadder {
    private PuzzleLadder() {}

    /**
     * One puzzle on the ladder.
     *
     * @param level      {@code 1 blank}, {@code 25% blank}, {@code 50% blank}, {@code minimal}
     * @param side       4, 6 or 9
     * @param givens     given digits
     * @param backtracks the classical solver's dead ends on it (0: propagation alone solves it)
     * @param puzzle     the text form
     */
    public record Rung(String level, int side, int givens, long backtracks, String puzzle) {}

    /** {@code perLevel} puzzles at each of four levels for each side, in order of size, then difficulty. */
    public static List<Rung> sudoku(List<Integer> sides, int perLevel, long seed) {
        List<Rung> out = new ArrayList<>();
        for (int side : sides) {
            int cells = side * side;
            int[] givens = {cells - 1, cells - cells / 4, cells / 2, 0};
            String[] names = {"1 blank", "25% blank", "50% blank", "minimal"};
            for (int level = 0; level < givens.length; level++) {
                var gen = new SudokuGenerator(new SudokuGeneratorConfig(side, givens[level], 0, 1));
                for (int i = 0; i < perLevel; i++) {
                    var g = gen.generate(seed, level * 1000L + i);
                    out.add(new Rung(
                            names[level],
                            side,
                            g.puzzle().givens(),
                            g.backtracks(),
                            g.puzzle().text()));
                }
            }
        }
        return out;
    }
}
