package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArcCliTest {

    /** Train on the generated ARC-like family (smoke), then eval: pass@1, pass@2 and the per-task table. */
    @Test
    void trainThenEvalPrintsPassAtKAndWritesTheTaskTable(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run"), data = tmp.resolve("data");
        String trained = CliOutput.ofSuccessful(
                "train",
                "--task",
                "arc-family",
                "--model",
                "trm-att",
                "--profile",
                "smoke",
                "--steps",
                "3",
                "--out",
                out.toString(),
                "--data-root",
                data.toString());
        assertTrue(trained.contains("pass_at_2: "), trained);
        assertTrue(Files.isRegularFile(out.resolve("arc-eval.tsv")));

        Path table = tmp.resolve("tasks.tsv");
        String eval = CliOutput.ofSuccessful(
                "eval", "--checkpoint", out.toString(), "--data-root", data.toString(), "--table", table.toString());
        assertTrue(eval.contains("(4 tasks, 4 test pairs, 12 versions voted)"), eval);
        assertTrue(eval.contains("pass_at_1: ") && eval.contains("pass_at_2: "), eval);
        var lines = Files.readAllLines(table);
        assertEquals("task\ttest_pairs\tversions\tpass_at_1\tpass_at_2", lines.get(0));
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(1).split("\t")[2].equals("3"), lines.get(1));
        assertEquals(
                2,
                LoopLabCli.run(
                        "eval",
                        "--checkpoint",
                        out.toString(),
                        "--data-root",
                        data.toString(),
                        "--adaptive-threshold",
                        "0.5"));
    }

    /** The public files have no generator: data build says how to build them instead of failing obscurely. */
    @Test
    void thePublicSetsNameTheirBuildCommand(@TempDir Path tmp) throws Exception {
        assertEquals(2, LoopLabCli.run("data", "build", "arc-agi-1", "--profile", "smoke", "--out", tmp.toString()));
        Path arc = tmp.resolve("arc");
        Files.createDirectories(arc.resolve("training"));
        Files.createDirectories(arc.resolve("evaluation"));
        // Too few tasks for the smoke profile's 8 training tasks: the error names the folder and the counts.
        Files.copy(Path.of("../data/fixtures/arc/fill-box.json"), arc.resolve("training/fill-box.json"));
        assertEquals(
                2,
                LoopLabCli.run(
                        "data", "build-arc", "--task", "arc-agi-1", "--profile", "smoke", "--out", tmp.toString()));
    }
}
