package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuRules;
import org.looplab.data.SudokuSolver;
import org.looplab.data.SudokuText;

class DataCliTest {

    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = LoopLabCli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    static final String EASY = "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79";

    @Test
    void solvesFromFileAndStdin(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.txt");
        Sudoku fourPuzzle = new org.looplab.data.SudokuGenerator(org.looplab.data.SudokuGeneratorConfig.minimal(4))
                .generate(1, 0)
                .puzzle();
        Files.writeString(f, EASY + "\n# a 4×4 next\n\n" + fourPuzzle.text().replace('.', '0') + "\n");
        Run r = run("", "sudoku", "solve", f.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        assertEquals("534678912672195348198342567859761423426853791713924856961537284287419635345286179\t0", lines[0]);
        Sudoku four = SudokuText.parse(lines[1].split("\t")[0]);
        assertTrue(SudokuRules.solves(four, fourPuzzle));
        Run s = run(EASY + "\n", "sudoku", "solve");
        assertEquals(lines[0], s.out().strip());
    }

    @Test
    void badPuzzlesNameFileLineAndProblem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, EASY + "\n" + EASY.substring(1) + "\n");
        Run r = run("", "sudoku", "solve", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("looplab: " + f + " line 2: 80 characters"), r.err());
        Files.writeString(f, "12a" + ".".repeat(13) + "\n");
        r = run("", "sudoku", "solve", f.toString());
        assertTrue(r.err().contains(f + " line 1: illegal character 'a' at column 3"), r.err());
        Files.writeString(f, "\n11" + ".".repeat(14) + "\n");
        r = run("", "sudoku", "solve", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(f + " line 2: contradictory puzzle: row 1 repeats 1"), r.err());
        r = run(".".repeat(16) + "\n", "sudoku", "solve");
        assertTrue(r.err().contains("stdin line 1: several solutions"), r.err());
        r = run("123." + "...4" + "...." + "....\n", "sudoku", "solve");
        assertTrue(r.err().contains("stdin line 1: contradictory puzzle: no solution"), r.err());
    }

    @Test
    void generatesUniquePuzzlesDeterministically() {
        Run r = run("", "sudoku", "generate", "--size", "9", "--count", "4", "--seed", "3", "--min-backtracks", "2");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(4, lines.length);
        for (String line : lines) {
            SudokuSolver.Result s =
                    SudokuSolver.of(SudokuText.parse(line).shape()).solve(SudokuText.parse(line));
            assertEquals(1, s.solutions());
            assertTrue(s.backtracks() >= 2);
        }
        assertEquals(
                r.out(),
                run("", "sudoku", "generate", "--size", "9", "--count", "4", "--seed", "3", "--min-backtracks", "2")
                        .out());
        Run six = run("", "sudoku", "generate", "--size", "6", "--count", "2");
        assertEquals(36, six.out().split("\n")[0].length());
        assertEquals(2, run("", "sudoku", "generate", "--size", "5").code());
    }

    @Test
    void buildsChecksAndRefusesDamagedSets(@TempDir Path dir) throws Exception {
        Run r = run("", "data", "build", "maze11", "--out", dir.toString(), "--profile", "smoke");
        assertEquals(0, r.code(), r.err());
        Path folder = dir.resolve("maze11-smoke"); // a non-cpu profile builds into its own folder
        assertTrue(r.out().startsWith("wrote " + folder), r.out());
        assertTrue(Files.isRegularFile(folder.resolve("manifest.json")));
        Run ok = run("", "data", "check", folder.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("MAZE, vocab 6, seqLen 121, train 64, test 32"), ok.out());
        Path inputs = folder.resolve("train/inputs.npy");
        byte[] b = Files.readAllBytes(inputs);
        Files.write(inputs, java.util.Arrays.copyOf(b, b.length - 10));
        Run bad = run("", "data", "check", folder.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(inputs.toString()), bad.err());
        Run unknown = run("", "data", "build", "nosuch", "--out", dir.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown data set 'nosuch'"), unknown.err());
        assertFalse(Files.exists(dir.resolve("nosuch")), "nothing written for a failed build");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary folders left behind");
        }
        assertTrue(run("", "data", "list").out().contains("sudoku9-hard"));
    }
}
