package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler-facing modes of {@code looplab sweep} that need no cluster: status before submission, collect, misuse. */
class SweepSlurmCliTest {

    @Test
    void statusBeforeAnySubmissionAndAnEmptyCollect(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.json"), out = tmp.resolve("out"), data = tmp.resolve("data");
        Files.writeString(spec, """
                {"name": "cli", "profile": "smoke", "seeds": [5, 6], "testPuzzles": 8, "train": {"steps": 2},
                 "grids": [{"name": "mixer", "tasks": ["sudoku4"], "models": ["trm-mlp"]}]}""");
        String status = CliOutput.ofSuccessful(
                "sweep",
                "--spec",
                spec.toString(),
                "--out",
                out.toString(),
                "--data-root",
                data.toString(),
                "--status");
        assertTrue(status.startsWith("sweep cli: 2 cells: 0 done, 0 running, 0 failed, 2 pending"), status);
        assertTrue(
                status.contains("pending  sudoku4-trm-mlp-n2-T2-w32-s5-")
                        && status.contains("not submitted, no checkpoint"),
                status);
        String collected = CliOutput.ofSuccessful(
                "sweep",
                "--spec",
                spec.toString(),
                "--out",
                out.toString(),
                "--data-root",
                data.toString(),
                "--collect");
        assertTrue(collected.contains("collected 0 finished cells, 2 without a result"), collected);
        assertTrue(Files.isRegularFile(out.resolve("results.csv")));
    }

    @Test
    void twoModesAtOnceAreOneClearError(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "cli", "profile": "smoke", "seeds": [5], "train": {"steps": 2},
                 "grids": [{"name": "mixer", "tasks": ["sudoku4"], "models": ["trm-mlp"]}]}""");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true));
        try {
            assertEquals(2, LoopLabCli.run("sweep", "--spec", spec.toString(), "--slurm", "--status"));
            assertEquals(2, LoopLabCli.run("sweep", "--spec", spec.toString(), "--slurm", "--mem-per-cell", "lots"));
        } finally {
            System.setErr(old);
        }
        assertTrue(
                err.toString().contains("choose one of --list, --slurm, --status, --cell and --collect"),
                err.toString());
        assertTrue(err.toString().contains("--mem-per-cell must look like 16G"), err.toString());
    }
}
