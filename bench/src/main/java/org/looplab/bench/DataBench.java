package org.looplab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.data.SudokuShape;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;

/**
 * {@code make bench} speed check of the data code (not a test: timings depend on the machine). Reports, on one
 * thread: unique-solution 9×9 puzzles generated per second (target >= 1,000/s per core), and mean milliseconds to
 * solve hard 9×9 puzzles (target < 1 ms). The hard puzzles come from the file given as the first argument (one per
 * line), else {@code data/fixtures/sudoku/hard9.txt}, else 1000 generated ones with >= 3 backtracks.
 */
public final class DataBench {
    private DataBench() {}

    /** 200 committed puzzles with >= 20 backtracks each (the Makefile runs from the repository root). */
    static final Path DEFAULT_HARD = Path.of("data/fixtures/sudoku/hard9.txt");

    public static void main(String[] args) throws IOException {
        List<Sudoku> hard = new ArrayList<>();
        String source;
        Path file = args.length > 0 ? Path.of(args[0]) : DEFAULT_HARD;
        if (Files.isRegularFile(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                hard = SudokuText.read(in, file.toString());
            }
            source = file.toString();
        } else {
            SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.hard(9, 3));
            for (int i = 0; i < 1000; i++) hard.add(gen.generate(2026, i).puzzle());
            source = "1000 generated 9×9 puzzles with >= 3 backtracks";
        }

        SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(9));
        for (int i = 0; i < 2000; i++) gen.generate(1, i); // warm up the JIT
        int n = 5000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) gen.generate(2, i);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "generate: %,.0f unique-solution minimal 9×9 puzzles/s on one thread (%d in %.2f s; target >= 1,000)%n",
                n / genSeconds, n, genSeconds);

        SudokuSolver solver = SudokuSolver.of(SudokuShape.NINE);
        for (Sudoku p : hard) solver.solve(p); // warm up
        long backtracks = 0;
        int rounds = 5;
        t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Sudoku p : hard) {
                SudokuSolver.Result res = solver.solve(p);
                if (!res.unique())
                    throw new IllegalStateException(source + ": a puzzle without a unique solution: " + p.text());
                backtracks += res.backtracks();
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6 / (rounds * hard.size());
        System.out.printf(
                "solve: %.3f ms per hard 9×9 puzzle, mean %.1f backtracks, proving uniqueness (%s; target < 1 ms)%n",
                ms, (double) backtracks / (rounds * hard.size()), source);
    }
}
