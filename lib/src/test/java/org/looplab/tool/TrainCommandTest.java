package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.model.RecursionDepth;
import org.looplab.train.TrainingRun;

class TrainCommandTest {

    private static String run(int expected, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expected, LoopLabCli.run(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainWritesACheckpointThatEvalReadsOnHeldOutAndOnATextFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run"), data = tmp.resolve("data");
        String trained = run(
                0,
                "train",
                "--task",
                "sudoku4",
                "--model",
                "trm-mlp",
                "--profile",
                "smoke",
                "--steps",
                "6",
                "--seed",
                "1",
                "--lr",
                "5e-4",
                "--out",
                out.toString(),
                "--data-root",
                data.toString());
        assertTrue(trained.contains("exact_accuracy: "), trained);
        assertEquals(5e-4f, TrainingRun.readManifest(out).config().train().learningRate(), "--lr sets the peak rate");
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        assertTrue(Files.isRegularFile(out.resolve("model/params.safetensors")));

        String eval = run(0, "eval", "--checkpoint", out.toString(), "--data-root", data.toString());
        for (String key : new String[] {"exact_accuracy: ", "cell_accuracy: ", "mean_steps: 4.00"})
            assertTrue(eval.contains(key), eval);

        // two held-out 4×4 puzzles as text; the classical solver supplies the labels
        var test = org.looplab.data.PuzzleDataSets.build("sudoku4", org.looplab.Profile.SMOKE)
                .test();
        var shape = org.looplab.data.SudokuShape.ofSide(4);
        Path puzzles = tmp.resolve("p.txt");
        Files.writeString(
                puzzles,
                org.looplab.data.SudokuText.format(org.looplab.data.SudokuEncoding.decode(test.input(0), shape)) + "\n"
                        + org.looplab.data.SudokuText.format(
                                org.looplab.data.SudokuEncoding.decode(test.input(1), shape))
                        + "\n");
        String text = run(
                0,
                "eval",
                "--checkpoint",
                out.toString(),
                "--puzzles",
                puzzles.toString(),
                "--adaptive-threshold",
                "0.9");
        assertTrue(text.contains("(2 puzzles)") && text.contains("mean_steps: "), text);
    }

    /** A depth stage from the command line, and the same weights evaluated at another depth. */
    @Test
    void recursionSetsTheDepthOfANewRunOfAWarmStageAndOfAnEvaluation(@TempDir Path tmp) {
        Path shallow = tmp.resolve("shallow"), deep = tmp.resolve("deep"), data = tmp.resolve("data");
        run(
                0,
                "train",
                "--task",
                "sudoku4",
                "--profile",
                "smoke",
                "--steps",
                "2",
                "--recursion",
                "1,1",
                "--out",
                shallow.toString(),
                "--data-root",
                data.toString());
        assertEquals(
                new RecursionDepth(1, 1),
                RecursionDepth.of(TrainingRun.readManifest(shallow).config().model()));
        String trained = run(
                0,
                "train",
                "--task",
                "sudoku4",
                "--profile",
                "smoke",
                "--steps",
                "2",
                "--init-from",
                shallow.toString(),
                "--recursion",
                "2,2",
                "--out",
                deep.toString(),
                "--data-root",
                data.toString());
        assertTrue(trained.contains("latentSteps=2, recursions=2"), trained);
        assertTrue(
                TrainingRun.readManifest(deep).deviations().stream()
                        .anyMatch(d -> d.contains("the source trained at n 1, T 1")),
                "recorded");
        String eval = run(
                0, "eval", "--checkpoint", shallow.toString(), "--recursion", "3,1", "--data-root", data.toString());
        assertTrue(
                eval.contains("recursion: n 3, T 1 (trained at n 1, T 1)") && eval.contains("exact_accuracy: "), eval);
        assertEquals(
                2,
                LoopLabCli.run(
                        "eval", "--checkpoint", shallow.toString(), "--recursion", "3", "--data-root", data.toString()),
                "an unreadable depth is refused");
    }

    @Test
    void aRunResumedFromTheCommandLineEndsWhereAnUninterruptedOneEnds(@TempDir Path tmp) {
        Path whole = tmp.resolve("whole"), parts = tmp.resolve("parts"), data = tmp.resolve("data");
        run(
                0,
                "train",
                "--task",
                "sudoku4",
                "--model",
                "trm-mlp",
                "--profile",
                "smoke",
                "--steps",
                "6",
                "--seed",
                "2",
                "--out",
                whole.toString(),
                "--data-root",
                data.toString());
        run(
                0,
                "train",
                "--task",
                "sudoku4",
                "--model",
                "trm-mlp",
                "--profile",
                "smoke",
                "--steps",
                "3",
                "--seed",
                "2",
                "--out",
                parts.toString(),
                "--data-root",
                data.toString());
        // The manifest records the data set relative to its data root (no machine's paths in a record), so the resume
        // is given the root; without it the resume would read ./data, and build the set there if it were missing.
        String resumed = run(0, "train", "--resume", parts.toString(), "--steps", "3", "--data-root", data.toString());
        assertTrue(resumed.contains("steps: 6"), resumed);
        // A resumed run keeps its own recipe: a flag that would change it is refused, and the run is left as it was.
        assertEquals(
                2,
                LoopLabCli.run("train", "--resume", parts.toString(), "--adam-atan2", "--data-root", data.toString()),
                "--adam-atan2 with --resume");
        assertEquals(
                2,
                LoopLabCli.run(
                        "train", "--resume", parts.toString(), "--lr-min-ratio", "0", "--data-root", data.toString()),
                "--lr-min-ratio with --resume");
        assertEquals(
                2,
                LoopLabCli.run("train", "--resume", parts.toString(), "--lr", "1e-4", "--data-root", data.toString()),
                "--lr with --resume");
        assertEquals(
                2,
                LoopLabCli.run(
                        "train", "--resume", parts.toString(), "--recursion", "1,1", "--data-root", data.toString()),
                "--recursion with --resume");
        String diff = run(0, "compare", "--checkpoint", whole.toString(), "--checkpoint", parts.toString());
        assertTrue(diff.contains("max_abs_weight_diff: 0.0\n"), diff);
        assertTrue(diff.contains("max_abs_optimizer_state_diff: 0.0\n"), diff);
        // The same data and code made both (their manifests may differ in the step limit and runtime facts).
        assertTrue(
                diff.contains("manifests: same") || diff.contains("data: same") && diff.contains("code: same"), diff);
        assertEquals(
                2, LoopLabCli.run("compare", "--checkpoint", whole.toString()), "one checkpoint is not a comparison");
    }
}
