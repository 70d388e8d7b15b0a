package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Mixer;
import org.looplab.train.ModelFamily;
import org.looplab.viz.AblationPlots;
import tech.tablesaw.api.Table;

/** Summaries, verdicts and plots from hand-made results whose statistics are known. */
class AblationReportTest {

    private static CellResult run(String task, String mixer, int n, int width, long seed, double exact) {
        return new CellResult(
                "f-" + task + mixer + n + width + seed,
                "h",
                "id",
                List.of("mixer", "depth"),
                PuzzleTask.of(task),
                mixer.equals("MLP") ? ModelFamily.TRM_MLP : ModelFamily.TRM_ATT,
                Mixer.valueOf(mixer),
                n,
                2,
                width,
                2,
                2 * (n + 1) * 2,
                seed,
                10,
                1.0,
                1000,
                exact,
                0.9,
                exact,
                3.0,
                100,
                0,
                "c",
                "unknown");
    }

    private static Table runs(double[] mlp, double[] att) {
        List<CellResult> rows = new ArrayList<>();
        for (int s = 0; s < mlp.length; s++) rows.add(run("sudoku4", "MLP", 2, 64, s, mlp[s]));
        for (int s = 0; s < att.length; s++) rows.add(run("sudoku4", "ATTENTION", 2, 64, s, att[s]));
        return SweepTable.of(rows);
    }

    @Test
    void findingsStateTheMeasuredNumbersForTheNotebooksProse() {
        Table mixer = SweepSummary.of(runs(new double[] {0.5, 0.7, 0.9}, new double[] {0.1, 0.1, 0.1}));
        List<CellResult> depthRuns = new ArrayList<>();
        for (int n : new int[] {6, 1})
            for (long s = 0; s < 2; s++) depthRuns.add(run("sudoku4", "MLP", n, 64, s, n == 1 ? 0.9 : 0.5));
        Table depth = SweepSummary.of(SweepTable.of(depthRuns));
        var f = AblationReport.findings(mixer, depth, depth.emptyCopy());
        // 0.7 ± 0.2 against 0.1 ± 0: t = 0.6 / (0.2 / √3) = 5.20 ≥ 2.776, so the MLP is ahead by 60.0 points
        // (the claims board's rule and wording, Judgement.compare).
        assertEquals(
                "MLP 70.0% ± 20.0 (3 seeds) vs attention 10.0% ± 0.0 (3 seeds) held-out exact after 10 steps"
                        + " (cell 90.0% vs 90.0%): MLP ahead: MLP − attention = +60.0 points, Welch t = 5.20",
                f.get("mixer, sudoku4"));
        // Rising depth, T(n+1)·2 layers: n 1 gives 8, n 6 gives 28.
        assertEquals(
                "depth 8 (n 1, T 2): 90.0% ± 0.0 (2 seeds); depth 28 (n 6, T 2): 50.0% ± 0.0 (2 seeds)"
                        + " (held-out exact, sudoku4 MLP, 10 steps)",
                f.get("depth"));
        assertEquals("no runs", f.get("width"));
    }

    @Test
    void summaryFoldsSeedsIntoMeanAndSampleSd() {
        Table s = SweepSummary.of(runs(new double[] {0.5, 0.7, 0.9}, new double[] {0.1, 0.1, 0.1}));
        assertEquals(2, s.rowCount());
        assertEquals(0.7, s.doubleColumn("exact_mean").get(0), 1e-12);
        assertEquals(0.2, s.doubleColumn("exact_sd").get(0), 1e-12); // sample sd of 0.5, 0.7, 0.9
        assertEquals(3, s.intColumn("seeds").get(0));
        assertEquals(0.0, s.doubleColumn("exact_sd").get(1), 1e-12);
        assertEquals(12, s.intColumn("depth").get(0));
        assertEquals(
                2,
                SweepSummary.ofGrid(runs(new double[] {1}, new double[] {0}), "depth")
                        .rowCount());
        assertEquals(
                0,
                SweepSummary.ofGrid(runs(new double[] {1}, new double[] {0}), "dep")
                        .rowCount());
    }

    @Test
    void aGapCountsOnlyWhenItClearsTheSeedNoise() {
        // clear: 0.7 ± 0.2 vs 0.1 ± 0, three seeds each: t = 0.6 / (0.2/√3) = 5.2
        Table clear = AblationReport.verdicts(
                SweepSummary.of(runs(new double[] {0.5, 0.7, 0.9}, new double[] {0.1, 0.1, 0.1})));
        assertEquals(5.196, clear.doubleColumn("Welch t").get(0), 1e-3);
        assertEquals(
                "MLP ahead: MLP − attention = +60.0 points, Welch t = 5.20",
                clear.stringColumn("what the data supports").get(0));
        // noisy: 0.5 ± 0.4 vs 0.3 ± 0.1: t ≈ 0.85
        Table noisy = AblationReport.verdicts(
                SweepSummary.of(runs(new double[] {0.1, 0.5, 0.9}, new double[] {0.2, 0.3, 0.4})));
        assertTrue(
                noisy.stringColumn("what the data supports").get(0).startsWith("no clear difference"),
                noisy.stringColumn("what the data supports").get(0));
        // attention ahead with zero spread on both sides
        Table att =
                AblationReport.verdicts(SweepSummary.of(runs(new double[] {0, 0, 0}, new double[] {0.2, 0.2, 0.2})));
        assertTrue(att.stringColumn("what the data supports").get(0).startsWith("attention ahead"));
        // equal means with no spread: no difference, not a division by zero
        Table same = AblationReport.verdicts(SweepSummary.of(runs(new double[] {0, 0, 0}, new double[] {0, 0, 0})));
        assertTrue(same.stringColumn("what the data supports").get(0).startsWith("no clear difference"));
        // The claims board's rule: fewer than 3 seeds on either arm cannot be told from seed noise, 2 included.
        Table one = AblationReport.verdicts(SweepSummary.of(runs(new double[] {1}, new double[] {0})));
        assertEquals(
                "no clear difference: 1 seed on the smaller arm (need 3)",
                one.stringColumn("what the data supports").get(0));
        Table two = AblationReport.verdicts(SweepSummary.of(runs(new double[] {0.9, 1}, new double[] {0, 0.1})));
        assertTrue(
                two.stringColumn("what the data supports").get(0).startsWith("no clear difference: 2 seeds"),
                two.stringColumn("what the data supports").get(0));
    }

    @Test
    void paperTableSetsOurTasksBesideThePapers() {
        List<CellResult> rows = new ArrayList<>();
        rows.add(run("sudoku6", "MLP", 2, 64, 0, 0.8));
        rows.add(run("maze11", "ATTENTION", 2, 64, 0, 0.1));
        Table t = AblationReport.paperTable(SweepSummary.of(SweepTable.of(rows)));
        assertEquals(2, t.rowCount());
        assertEquals("87.4%", t.stringColumn("paper MLP").get(0));
        assertEquals("—", t.stringColumn("our attention").get(0));
        assertEquals("85.3%", t.stringColumn("paper attention").get(1));
        assertTrue(
                t.stringColumn("our MLP").get(0).startsWith("80.0% ± 0.0 (1 seeds)"),
                t.stringColumn("our MLP").get(0));
    }

    @Test
    void theCopyInputBaselineScoresGivensAsRightAndBlanksAsWrong() {
        // two 2×2 grids: one with a blank (token 1), one fully given
        var set = new org.looplab.data.PuzzleDataSet(
                "t",
                org.looplab.data.PuzzleKind.SUDOKU,
                2,
                6,
                4,
                new byte[] {2, 1, 3, 4, 2, 3, 4, 5},
                new byte[] {2, 3, 3, 4, 2, 3, 4, 5},
                new int[2],
                new int[2]);
        double[] b = org.looplab.analysis.Evaluation.copyInputBaseline(set);
        assertEquals(0.5, b[0], 1e-12);
        assertEquals((0.75 + 1) / 2, b[1], 1e-12);
    }

    @Test
    void plotsDrawFromSummaries() {
        List<CellResult> rows = new ArrayList<>();
        for (int n : new int[] {1, 2, 4})
            for (long s = 0; s < 2; s++) {
                rows.add(run("sudoku4", "MLP", n, 64, s, 0.2 * n));
                rows.add(run("sudoku4", "ATTENTION", n, 64, s, 0.1 * n));
            }
        Table summary = SweepSummary.of(SweepTable.of(rows));
        var bars = AblationPlots.byMixer(summary);
        var depth = AblationPlots.against(summary, "depth", "depth");
        assertTrue(bars.getWidth() > 100 && depth.getHeight() > 100);
    }
}
