package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.analysis.Evaluation;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.data.SudokuShape;
import org.looplab.data.SudokuSolver;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;

/** The smaller promises of the command line: BOM, empty files, --help, messages without Java class names. */
class CommandErrorsTest {

    @Test
    void aByteOrderMarkIsNotACharacterOfLineOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.txt");
        String puzzle = new SudokuGenerator(new SudokuGeneratorConfig(4, 0, 0, 1))
                .generate(3, 0)
                .puzzle()
                .text();
        Files.write(f, ("\uFEFF" + puzzle + "\n").getBytes(StandardCharsets.UTF_8));
        DataCliTest.Run r = DataCliTest.run("", "sudoku", "solve", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
    }

    @Test
    void aBinaryPuzzleFileIsNamedAsNotText(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("puzzles.bin");
        Files.write(f, new byte[] {'1', '2', (byte) 0xff, (byte) 0xfe, 0, '\n'});
        DataCliTest.Run r = DataCliTest.run("", "sudoku", "solve", f.toString());
        assertEquals(2, r.code());
        assertEquals(
                "looplab: " + f + ": cannot read: not UTF-8 text (a binary file?)",
                r.err().strip());
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> EvalCommand.fromText(f, null, null, 0.5, EvalCommand.CHUNK, System.err, 0));
        assertEquals(f + " line 1: not UTF-8 text (a binary file?)", e.getMessage());
    }

    @Test
    void aWrongArgumentTypeIsOneLineAndAPointerToHelp() {
        DataCliTest.Run r = DataCliTest.run("", "train", "--task", "sudoku4", "--steps", "many");
        assertEquals(2, r.code());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("looplab: Invalid value for option '--steps': 'many'"), lines.get(0));
        assertEquals("see: looplab train --help", lines.get(1));
    }

    @Test
    void anEmptyPuzzleFileIsAnErrorForSolveAndEvalAlike(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("empty.txt");
        Files.writeString(f, "# only a comment\n\n");
        DataCliTest.Run r = DataCliTest.run("", "sudoku", "solve", f.toString());
        assertEquals(2, r.code());
        assertEquals("looplab: " + f + ": no puzzles", r.err().strip());
        assertEquals("", r.out());
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> EvalCommand.fromText(f, null, null, 0.5, EvalCommand.CHUNK, System.err, 0));
        assertEquals(f + ": no puzzles", e.getMessage());
    }

    @Test
    void evalHaltingAndTraceTakeHelp() {
        for (String command : List.of("eval", "halting", "trace", "train", "serve", "data")) {
            DataCliTest.Run r = DataCliTest.run("", command, "--help");
            assertEquals(0, r.code(), command + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: looplab " + command), r.out());
        }
    }

    @Test
    void errorLinesNameFilesNotJavaClasses() {
        assertEquals("data/x.txt: no such file or folder", ErrorLine.of(new NoSuchFileException("data/x.txt")));
        assertEquals(
                "data/x.txt: no such file or folder",
                ErrorLine.of(new UncheckedIOException(new NoSuchFileException("data/x.txt"))));
        assertEquals(
                "p.txt: cannot read: p.txt: no such file or folder",
                ErrorLine.of(new UncheckedIOException("p.txt: cannot read", new NoSuchFileException("p.txt"))));
        assertEquals(
                "bad thing", ErrorLine.of(new IllegalStateException("java.lang.IllegalArgumentException: bad thing")));
        assertFalse(ErrorLine.of(new NullPointerException()).contains("Exception"));
        DataCliTest.Run r = DataCliTest.run("", "sudoku", "solve", "no-such-file.txt");
        assertEquals(2, r.code());
        assertFalse(r.err().contains("Exception") || r.err().contains("java."), r.err());
        assertTrue(r.err().contains("no-such-file.txt"), r.err());
    }

    @Test
    void evalReadsAPuzzleFileInChunksWithTheSameResultAsAtOnce(@TempDir Path dir) throws Exception {
        // 260 puzzles in chunks of 100: two full chunks and a part, each evaluated on its own.
        SudokuGenerator gen = new SudokuGenerator(new SudokuGeneratorConfig(4, 0, 0, 1));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 260; i++)
            lines.add(gen.generate(11, i % 40).puzzle().text());
        Path f = dir.resolve("many.txt");
        Files.write(f, lines);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (ReasoningModel model = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 5)) {
            Evaluation.Result chunked = EvalCommand.fromText(
                    f, model, null, 0.5, 100, new PrintStream(progress, true, StandardCharsets.UTF_8), 0);
            int n = lines.size();
            byte[] inputs = new byte[n * 16], labels = new byte[n * 16];
            for (int i = 0; i < n; i++) {
                Sudoku p = org.looplab.data.SudokuText.parse(lines.get(i));
                System.arraycopy(SudokuEncoding.encode(p), 0, inputs, i * 16, 16);
                System.arraycopy(
                        SudokuEncoding.encode(
                                SudokuSolver.of(SudokuShape.FOUR).solve(p).solution()),
                        0,
                        labels,
                        i * 16,
                        16);
            }
            PuzzleDataSet whole = new PuzzleDataSet(
                    "many.txt",
                    PuzzleKind.SUDOKU,
                    4,
                    SudokuEncoding.vocab(SudokuShape.FOUR),
                    16,
                    inputs,
                    labels,
                    new int[n],
                    new int[n]);
            Evaluation.Result atOnce = Evaluation.run(model, whole, null, 0.5);
            assertEquals(n, chunked.puzzles());
            assertEquals(atOnce.exactAccuracy(), chunked.exactAccuracy(), 1e-12);
            assertEquals(atOnce.cellAccuracy(), chunked.cellAccuracy(), 1e-12);
            assertEquals(atOnce.adaptiveExact(), chunked.adaptiveExact(), 1e-12);
            assertEquals(atOnce.meanSteps(), chunked.meanSteps(), 1e-12);
            assertArrayEquals(atOnce.stepsUsed(), chunked.stepsUsed());
        }
        String said = progress.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("eval: 100 puzzles, ") && said.contains("eval: 200 puzzles, "), said);
    }
}
