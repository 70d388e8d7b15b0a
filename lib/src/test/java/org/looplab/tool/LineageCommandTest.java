package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code looplab lineage} on the shipped 9×9 model: its three stages, their total, and the curve it writes. */
class LineageCommandTest {

    @Test
    void printsTheStagesTheirTotalAndWritesTheHeldOutCurve(@TempDir Path tmp) throws Exception {
        Path curve = tmp.resolve("curve.tsv");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = LoopLabCli.run(
                    "lineage",
                    "--checkpoint",
                    "../data/checkpoints/trm-mlp-sudoku9-mixed-cosine",
                    "--root",
                    "..",
                    "--curve",
                    curve.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("stage 1: ../data/checkpoints/trm-mlp-sudoku9-mixed\n"), out);
        assertTrue(out.contains("stage 3: ../data/checkpoints/trm-mlp-sudoku9-mixed-cosine\n"), out);
        assertTrue(out.contains("total: 54000 steps, "), out);

        List<String> rows = Files.readAllLines(curve);
        assertEquals("stage\tdata\tstep\thours\theld_out_exact\theld_out_cell", rows.get(0));
        assertTrue(out.endsWith(String.join("\n", rows) + "\n"), "the file is the printed table");
        String[] last = rows.get(rows.size() - 1).split("\t");
        assertEquals("3", last[0]);
        assertEquals("54000", last[2]);
    }

    /** The hard model's committed curve is what the command writes today: four stages, 60,000 steps. */
    @Test
    void theCommittedHardCurveIsWhatTheCommandWrites() throws Exception {
        var lineage = org.looplab.train.TrainingLineage.of(
                Path.of("../data/checkpoints/trm-mlp-sudoku9-extreme"), Path.of(".."));
        assertEquals(4, lineage.stages().size());
        var joined = lineage.history();
        assertEquals(60_000, joined.get(joined.size() - 1).step());
        assertEquals(
                Files.readString(Path.of("../data/results/sudoku9-extreme/curve.tsv")),
                LineageCommand.table(lineage.heldOutCurve()),
                "regenerate with looplab lineage --checkpoint data/checkpoints/trm-mlp-sudoku9-extreme --curve"
                        + " data/results/sudoku9-extreme/curve.tsv");
    }

    @Test
    void aFolderWithoutAManifestIsAnErrorNamingIt(@TempDir Path tmp) {
        assertEquals(
                2,
                LoopLabCli.run("lineage", "--checkpoint", tmp.resolve("nothing").toString()));
    }
}
