package org.looplab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test set from a text file of Sudoku puzzles (one a line, {@link SudokuText}): the classical solver supplies each
 * label and rates each puzzle by its backtracks, the same difficulty the generated sets record. Every puzzle must
 * have exactly one solution; a bad line fails naming the file and line.
 */
public final class RatedSudokuFile {
    private RatedSudokuFile() {}

    public static PuzzleDataSet read(Path file) {
        List<Sudoku> grids;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            grids = SudokuText.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (grids.isEmpty()) throw new IllegalArgumentException(file + ": no puzzles");
        int side = grids.get(0).side();
        int cells = side * side;
        byte[] inputs = new byte[grids.size() * cells], labels = new byte[grids.size() * cells];
        int[] backtracks = new int[grids.size()];
        SudokuSolver solver = SudokuSolver.of(grids.get(0).shape());
        for (int i = 0; i < grids.size(); i++) {
            Sudoku g = grids.get(i);
            if (g.side() != side)
                throw new IllegalArgumentException(file + ": puzzle " + (i + 1) + " is " + g.side() + "×" + g.side()
                        + ", the first is " + side + "×" + side);
            SudokuSolver.Result r = solver.solve(g);
            if (r.solutions() != 1)
                throw new IllegalArgumentException(
                        file + ": puzzle " + (i + 1) + " has " + r.solutions() + " solutions (needs exactly 1)");
            System.arraycopy(SudokuEncoding.encode(g), 0, inputs, i * cells, cells);
            System.arraycopy(SudokuEncoding.encode(r.solution()), 0, labels, i * cells, cells);
            backtracks[i] = (int) Math.min(Integer.MAX_VALUE, r.backtracks());
        }
        return new PuzzleDataSet(
                file.getFileName().toString(),
                PuzzleKind.SUDOKU,
                side,
                SudokuEncoding.vocab(grids.get(0).shape()),
                cells,
                inputs,
                labels,
                backtracks,
                new int[grids.size()]);
    }
}
