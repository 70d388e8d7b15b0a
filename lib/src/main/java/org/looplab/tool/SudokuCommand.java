package org.looplab.tool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.data.SudokuRules;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code looplab sudoku solve|generate}: the solver and generator on text puzzles. */
@Command(
        name = "sudoku",
        description = "Solve or generate Sudoku puzzles (4×4, 6×6, 9×9) in the one-line text form.",
        subcommands = {SudokuCommand.Solve.class, SudokuCommand.Generate.class})
final class SudokuCommand {

    @Command(
            name = "solve",
            description = "Solve puzzles, one per line (16, 36 or 81 characters, . or 0 for blank); "
                    + "print each solution, a tab and the backtrack count. The first bad line stops it with one line on stderr "
                    + "and exit 2; so does a file without puzzles.")
    static final class Solve implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "puzzle file; stdin when absent")
        Path file;

        @Override
        public Integer call() {
            String source = file == null ? "stdin" : file.toString();
            PrintStream out = System.out;
            try (BufferedReader in = file == null
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0, puzzles = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    line = SudokuText.withoutBom(line, number);
                    if (line.isBlank() || line.startsWith("#")) continue;
                    out.println(solveLine(line, source, number));
                    puzzles++;
                }
                // As in eval: no puzzle at all is a mistake (a wrong file), not an empty success.
                if (puzzles == 0) throw new IllegalArgumentException(source + ": no puzzles");
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": cannot read", e);
            } finally {
                out.flush();
            }
            return 0;
        }

        /** The solution and its backtracks, or an error naming source, line and problem. */
        static String solveLine(String line, String source, int number) {
            Sudoku p = SudokuText.parse(line, source, number);
            String where = source + " line " + number + ": ";
            Optional<String> broken = SudokuRules.firstViolation(p);
            if (broken.isPresent()) throw new IllegalArgumentException(where + "contradictory puzzle: " + broken.get());
            SudokuSolver.Result r = SudokuSolver.of(p.shape()).solve(p);
            if (r.solutions() == 0) throw new IllegalArgumentException(where + "contradictory puzzle: no solution");
            if (r.solutions() > 1)
                throw new IllegalArgumentException(where + "several solutions; a puzzle must have exactly one");
            return r.solution().text() + "\t" + r.backtracks();
        }
    }

    @Command(name = "generate", description = "Print puzzles with exactly one solution, one per line.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--size", defaultValue = "9", description = "4, 6 or 9 (default ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--count", defaultValue = "10", description = "how many (default ${DEFAULT-VALUE})")
        int count;

        @Option(names = "--seed", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(
                names = "--min-backtracks",
                defaultValue = "0",
                description = "keep puzzles the solver needs at least this many backtracks for")
        int minBacktracks;

        @Option(
                names = "--givens",
                defaultValue = "0",
                description = "stop blanking at this many givens (0 = minimal puzzle)")
        int givens;

        @Override
        public Integer call() {
            if (count < 0) throw new IllegalArgumentException("--count must be >= 0, was " + count);
            SudokuGenerator gen = new SudokuGenerator(new SudokuGeneratorConfig(size, givens, minBacktracks, 100_000));
            PrintStream out = System.out;
            for (int i = 0; i < count; i++)
                out.println(gen.generate(seed, i).puzzle().text());
            out.flush();
            return 0;
        }
    }
}
