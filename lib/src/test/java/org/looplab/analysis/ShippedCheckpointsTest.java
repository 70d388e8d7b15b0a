package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedCheckpointsTest {
    @TempDir
    Path dir;

    @Test
    void anArcCheckpointsPassAtKIsTheMeanOverItsTasks() throws Exception {
        Path t = dir.resolve("arc-eval.tsv");
        Files.writeString(
                t,
                "task\ttest_pairs\tversions\tpass_at_1\tpass_at_2\n"
                        + "fill-7\t1\t9\t1.0000\t1.0000\n"
                        + "fill-3\t1\t9\t0.0000\t1.0000\n"
                        + "transpose\t2\t9\t0.0000\t0.5000\n"
                        + "gravity-left\t1\t9\t0.0000\t0.0000\n");
        ShippedCheckpoints.ArcScore s = ShippedCheckpoints.arcScore(t);
        assertEquals(4, s.tasks());
        assertEquals(0.25, s.passAt1(), 1e-12);
        assertEquals(0.625, s.passAt2(), 1e-12);
    }

    @Test
    void aBrokenTableNamesTheFileAndLine() throws Exception {
        Path t = dir.resolve("arc-eval.tsv");
        Files.writeString(t, "task\tpass_at_1\tpass_at_2\nfill-7\t1.0\tmany\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShippedCheckpoints.arcScore(t));
        assertTrue(e.getMessage().contains("arc-eval.tsv: line 2"), e.getMessage());
        Files.writeString(t, "task\tscore\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShippedCheckpoints.arcScore(t))
                .getMessage()
                .contains("no pass_at_1 and pass_at_2 columns"));
    }
}
