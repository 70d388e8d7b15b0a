package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.model.Mixer;

/** The scaling table's arithmetic and layout on made-up reports; nothing here is timed. */
class ScalingTableTest {
    private static final ScalingCase B32 = ScalingCase.parse("sudoku9-n2-T2-b32");
    private static final ScalingCase B64 = ScalingCase.parse("sudoku9-n2-T2-b64");

    private static StepReport report(String side, int batch, long params, double ms, double peakMb) {
        return new StepReport(
                side,
                Mixer.MLP,
                batch,
                1,
                3,
                params,
                ms,
                ms * 0.9,
                ms * 1.1,
                2.5,
                2.4,
                4,
                peakMb - 10,
                peakMb - 5,
                peakMb - 10,
                peakMb,
                1,
                100,
                side + " test runtime",
                0,
                0);
    }

    private static ScalingTable.Row row(ScalingCase c, int hidden, double djlMs, double ptMs, double flop) {
        return new ScalingTable.Row(
                c,
                hidden,
                report("djl", c.batch(), 1000 + hidden, djlMs, 700),
                report("pytorch", c.batch(), 1000 + hidden, ptMs, 400),
                flop,
                0);
    }

    @Test
    void casesParseTheirNamesAndRefuseOthers() {
        assertEquals(new ScalingCase(9, 2, 2, 32), B32);
        assertEquals("sudoku9-n2-T2-b32", B32.name());
        assertEquals("9×9 n2 T2 b32", B32.label());
        assertEquals(new StepShape(9, 64, 2, 2), B32.at(64));
        assertTrue(B32.sameModel(B64));
        assertFalse(B32.sameModel(ScalingCase.parse("sudoku9-n1-T1-b32")));
        for (ScalingCase c : ScalingCase.LAB) assertEquals(c, ScalingCase.parse(c.name()));
        var bad = assertThrows(IllegalArgumentException.class, () -> ScalingCase.parse("9x9-n2"));
        assertTrue(bad.getMessage().contains("'9x9-n2'"), bad.getMessage());
        var side = assertThrows(IllegalArgumentException.class, () -> ScalingCase.parse("sudoku7-n1-T1-b32"));
        assertTrue(side.getMessage().contains("7"), side.getMessage());
        assertThrows(IllegalArgumentException.class, () -> B32.at(30)); // not a multiple of the 4 heads
    }

    @Test
    void ratioAndCeilingShareComeFromTheReports() {
        // PyTorch 300 ms against DJL 200: 1.5x; 10 GFLOP in 200 ms is 50 GFLOP/s, half of a 100 GFLOP/s ceiling
        ScalingTable.Row r = row(B32, 64, 200, 300, 10e9).withCeiling(100);
        assertEquals(1.5, r.ratio(), 1e-12);
        assertEquals(0.5, r.ceilingShare(), 1e-12);
        assertTrue(r.paramsMatch());
        assertTrue(Double.isNaN(row(B32, 64, 200, 300, 10e9).ceilingShare()), "no ceiling measured");
        ScalingTable.Row alone = new ScalingTable.Row(B32, 64, report("djl", 32, 5, 200, 700), null, 10e9, 100);
        assertTrue(Double.isNaN(alone.ratio()));
        assertEquals(null, alone.paramsMatch());
        assertThrows(
                IllegalArgumentException.class,
                () -> new ScalingTable.Row(B64, 64, report("djl", 32, 5, 200, 700), null, 1, 0),
                "a report of another batch than its case");
    }

    @Test
    void theTableShowsEveryColumnPerRow() {
        String t = ScalingTable.table(List.of(
                row(B32, 64, 200, 300, 10e9).withCeiling(100),
                new ScalingTable.Row(B32, 128, report("djl", 32, 9, 800, 900), null, 40e9, 100)));
        String[] lines = t.split("\n");
        assertEquals(3, lines.length, t);
        assertTrue(lines[0].contains("PT÷DJL") && lines[0].contains("of ceil") && lines[0].contains("peak RSS"));
        assertTrue(lines[1].contains("9×9 n2 T2 b32"), lines[1]);
        assertTrue(lines[1].contains("1064 = 1064"), lines[1]);
        assertTrue(lines[1].contains(" 200 ") && lines[1].contains(" 300 ") && lines[1].contains("1.50×"), lines[1]);
        assertTrue(lines[1].contains("50%") && lines[1].contains("700 | 400"), lines[1]);
        // without PyTorch: dashes, never a made-up number
        assertTrue(lines[2].contains("9 | —") && lines[2].contains("900 | —"), lines[2]);
    }

    @Test
    void widthGrowthGivesTheRatioItsExponentAndTheFlops() {
        // 64 -> 128 doubles the width; time x4 is width^2; FLOPs x3
        String g = ScalingTable.widthGrowth(
                List.of(row(B32, 128, 800, 1000, 30e9), row(B32, 64, 200, 500, 10e9))); // out of order on purpose
        String[] lines = g.split("\n");
        assertEquals(2, lines.length, g);
        assertTrue(lines[0].contains("DJL") && lines[0].contains("64→128 ×4.00 (width^2.00; FLOPs ×3.00)"), g);
        assertTrue(lines[1].contains("PyTorch") && lines[1].contains("64→128 ×2.00 (width^1.00; FLOPs ×3.00)"), g);
        assertEquals(0.5, ScalingTable.exponent(Math.sqrt(2), 2), 1e-12);
    }

    @Test
    void batchGrowthPairsTheSameModelAtTwoBatches() {
        String g = ScalingTable.batchGrowth(List.of(
                row(B64, 64, 360, 600, 20e9),
                row(B32, 64, 200, 300, 10e9),
                row(B32, 128, 800, 1000, 30e9))); // no batch-64 partner at 128
        String[] lines = g.split("\n");
        assertEquals(1, lines.length, g);
        assertTrue(lines[0].contains("hidden 64") && lines[0].contains("batch 32→64 (×2.00)"), g);
        assertTrue(lines[0].contains("DJL ×1.80") && lines[0].contains("PyTorch ×2.00"), g);
    }
}
