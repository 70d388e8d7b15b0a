package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @Test
    void sweepTrainsOnceListsStatesAndReportsTheCache(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.json"), out = tmp.resolve("out"), data = tmp.resolve("data");
        Files.writeString(spec, """
                {"name": "cli", "profile": "smoke", "seeds": [5], "testPuzzles": 8, "train": {"steps": 2, "evalEvery": 0},
                 "grids": [{"name": "mixer", "tasks": ["sudoku4"], "models": ["trm-mlp"]}]}""");
        String[] args = {"sweep", "--spec", spec.toString(), "--out", out.toString(), "--data-root", data.toString()};
        String listed = CliOutput.ofSuccessful(
                "sweep", "--spec", spec.toString(), "--out", out.toString(), "--data-root", data.toString(), "--list");
        assertTrue(listed.contains("sudoku4-trm-mlp-n2-T2-w32-s5-") && listed.contains("to do"), listed);
        String first = CliOutput.ofSuccessful(args);
        assertTrue(first.contains("trained: 1") && first.contains("cached: 0"), first);
        assertTrue(Files.isRegularFile(out.resolve("results.csv")));
        String second = CliOutput.ofSuccessful(args);
        assertTrue(second.contains("trained: 0") && second.contains("cached: 1"), second);
        assertTrue(CliOutput.ofSuccessful(
                        "sweep",
                        "--spec",
                        spec.toString(),
                        "--out",
                        out.toString(),
                        "--data-root",
                        data.toString(),
                        "--list")
                .contains("  done"));
    }

    @Test
    void aBadSpecIsOneLineNamingTheFile(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("bad.json");
        Files.writeString(spec, "{\"name\": \"x\", \"profile\": \"laptop\", \"seeds\": [0], \"grids\": []}");
        var err = new java.io.ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        try {
            assertEquals(2, org.looplab.tool.LoopLabCli.run("sweep", "--spec", spec.toString()));
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString().contains("bad.json") && err.toString().contains("laptop"), err.toString());
    }
}
