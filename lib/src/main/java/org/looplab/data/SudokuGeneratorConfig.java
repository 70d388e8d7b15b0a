package org.looplab.data;

/**
 * How {@link SudokuGenerator} makes puzzles.
 *
 * @param side          4, 6 or 9
 * @param targetGivens  stop blanking cells at this many givens; 0 = blank until no further cell can go without
 *                      losing uniqueness (a minimal puzzle, the hardest the generator can make)
 * @param minBacktracks keep only puzzles whose full solver search has at least this many backtracks
 *                      (0 = any; 1 = search is needed, the Sudoku-Extreme idea of "hard")
 * @param maxTries      fresh attempts per puzzle before giving up with an error (a filter no puzzle can pass
 *                      must fail, not loop forever)
 */
public record SudokuGeneratorConfig(int side, int targetGivens, int minBacktracks, int maxTries)
        implements GeneratorConfig {

    public SudokuGeneratorConfig {
        SudokuShape.ofSide(side);
        if (targetGivens < 0 || targetGivens > side * side) {
            throw new IllegalArgumentException("targetGivens must be in 0.." + side * side + ", was " + targetGivens);
        }
        if (minBacktracks < 0) throw new IllegalArgumentException("minBacktracks must be >= 0, was " + minBacktracks);
        if (maxTries < 1) throw new IllegalArgumentException("maxTries must be >= 1, was " + maxTries);
    }

    /** Minimal puzzles, no difficulty filter. */
    public static SudokuGeneratorConfig minimal(int side) {
        return new SudokuGeneratorConfig(side, 0, 0, 1);
    }

    /** Minimal puzzles that need at least {@code minBacktracks} backtracks. */
    public static SudokuGeneratorConfig hard(int side, int minBacktracks) {
        return new SudokuGeneratorConfig(side, 0, minBacktracks, 10_000);
    }

    public SudokuShape shape() {
        return SudokuShape.ofSide(side);
    }
}
