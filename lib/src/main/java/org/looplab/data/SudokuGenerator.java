package org.looplab.data;

import java.util.Random;
import org.looplab.provenance.Seeds;

/**
 * Seeded generator of Sudoku puzzles with exactly one solution. Puzzle {@code index} of seed {@code seed} depends
 * on nothing else, so a data set can be generated in parallel and still come out byte-identical.
 *
 * <p>Method: a random complete grid, then cells blanked in random order, each only if the puzzle stays unique,
 * until {@code targetGivens} is reached or no cell can go. The solver then recounts the solutions (must be 1,
 * equal to the grid we started from) and measures backtracks for the difficulty filter.
 */
public final class SudokuGenerator {

    /** A puzzle, its (verified) solution, its difficulty, and how many attempts the filter took. */
    public record Generated(Sudoku puzzle, Sudoku solution, long backtracks, int tries) {}

    private final SudokuGeneratorConfig config;
    private final SudokuSolver solver;

    public SudokuGenerator(SudokuGeneratorConfig config) {
        this.config = config;
        this.solver = SudokuSolver.of(config.shape());
    }

    public SudokuGeneratorConfig config() {
        return config;
    }

    /** Puzzle number {@code index} for {@code seed}. */
    public Generated generate(long seed, long index) {
        for (int t = 0; t < config.maxTries(); t++) {
            Random random = Seeds.random(seed, "sudoku" + config.side() + "/" + index + "/" + t);
            Generated g = attempt(random, t + 1);
            if (g.backtracks() >= config.minBacktracks()) return g;
        }
        throw new IllegalStateException("no " + config.shape() + " puzzle with >= " + config.minBacktracks()
                + " backtracks in " + config.maxTries() + " tries (seed " + seed + ", index " + index + ")");
    }

    /**
     * Whether the givens alone force {@code digit} back into the blank {@code cell}: its peers show every other
     * digit (naked single), or no other blank of one of its units can take the digit (hidden single). Then
     * blanking it cannot admit a second solution, and the search is skipped.
     */
    private boolean forced(byte[] cells, int cell, int digit) {
        int seen = 0;
        for (int p : solver.peers(cell)) if (cells[p] != 0) seen |= 1 << (cells[p] - 1);
        int others = ((1 << config.side()) - 1) & ~(1 << (digit - 1));
        if ((seen & others) == others) return true;
        for (int[] unit : solver.unitsOf(cell)) {
            boolean elsewhere = false;
            for (int x : unit) {
                if (x == cell || cells[x] != 0) continue;
                boolean blocked = false;
                for (int p : solver.peers(x)) {
                    if (cells[p] == digit) {
                        blocked = true;
                        break;
                    }
                }
                if (!blocked) {
                    elsewhere = true;
                    break;
                }
            }
            if (!elsewhere) return true;
        }
        return false;
    }

    private Generated attempt(Random random, int tries) {
        Sudoku solution = solver.randomSolution(random);
        byte[] cells = solution.cells();
        int n = cells.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int givens = n;
        for (int cell : order) {
            if (givens <= config.targetGivens()) break;
            int digit = cells[cell];
            cells[cell] = 0;
            // If the peers already show every other digit, the blank is forced and uniqueness cannot break:
            // most removals are like this, and skipping their search saves much of the generator's time.
            if (!forced(cells, cell, digit) && solver.hasSolutionAvoiding(cells, cell, digit)) {
                cells[cell] = (byte) digit;
            } else {
                givens--;
            }
        }
        Sudoku puzzle = new Sudoku(config.shape(), cells);
        SudokuSolver.Result check = solver.solve(puzzle);
        // The label must be the one and only solution; a generator bug must not reach a data set.
        if (!check.unique() || !check.solution().equals(solution) || !SudokuRules.solves(solution, puzzle)) {
            throw new IllegalStateException("generator made a puzzle without a unique solution: " + puzzle.text());
        }
        return new Generated(puzzle, solution, check.backtracks(), tries);
    }
}
