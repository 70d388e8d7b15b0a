package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Mixer;
import org.looplab.provenance.CodeVersion;
import org.looplab.train.ModelFamily;
import tech.tablesaw.api.Table;

/** One results table never mixes runs of different training code without saying so. */
class SweepCodeVersionTest {
    static final CodeVersion BUILD = new CodeVersion("bbbbbbbbbb", false, "0.2.0", "1".repeat(64));

    private static CellResult run(long seed, double exact, String sources) {
        return new CellResult(
                "f" + seed + sources.charAt(0),
                "h",
                "r" + seed,
                List.of("mixer"),
                PuzzleTask.SUDOKU4,
                ModelFamily.TRM_MLP,
                Mixer.MLP,
                2,
                2,
                64,
                2,
                12,
                seed,
                500,
                60,
                1000,
                exact,
                0.9,
                exact,
                2.0,
                100,
                0,
                "c",
                sources);
    }

    @Test
    void rowsOfOtherCodeAreMarkedAndNeverAveragedWithThisCode() {
        List<CellResult> results = List.of(
                run(0, 0.5, BUILD.sources()),
                run(1, 0.7, BUILD.sources()),
                run(0, 0.9, "2".repeat(64)),
                run(1, 0.1, CodeVersion.UNKNOWN));
        Table t = SweepTable.of(results, BUILD);
        assertEquals(
                List.of("yes", "yes", "no", "no"),
                t.stringColumn("current_code").asList());
        assertEquals(
                List.of("111111111111", "111111111111", "222222222222", "unknown"),
                t.stringColumn("sources").asList());
        Table summary = SweepSummary.of(t);
        assertEquals(3, summary.rowCount(), "same config, three code versions: three rows");
        assertEquals(0.6, summary.doubleColumn("exact_mean").get(0), 1e-12);
        assertEquals(2, summary.intColumn("seeds").get(0));
        assertEquals(
                2, new SweepOutcome(0, 0, 4, 0, results).madeByOtherCode(BUILD).size());
    }

    /** Two arms of one config (the unroll claim's full and 1-step gradients) are two rows, not one row of "seeds". */
    @Test
    void armsThatDifferOnlyInTheirGridAreNeverFoldedTogether() {
        List<CellResult> results = List.of(
                run(0, 0.6, BUILD.sources()).inGrids(List.of("unroll-full")),
                run(1, 0.8, BUILD.sources()).inGrids(List.of("unroll-full")),
                run(0, 0.4, BUILD.sources()).inGrids(List.of("unroll-1step")),
                run(1, 0.2, BUILD.sources()).inGrids(List.of("unroll-1step")));
        Table summary = SweepSummary.of(SweepTable.of(results, BUILD));
        assertEquals(2, summary.rowCount());
        assertEquals(
                List.of("unroll-full", "unroll-1step"),
                summary.stringColumn("grids").asList());
        assertEquals(List.of(2, 2), summary.intColumn("seeds").asList());
        assertEquals(0.7, summary.doubleColumn("exact_mean").get(0), 1e-12);
        assertEquals(0.3, summary.doubleColumn("exact_mean").get(1), 1e-12);
        assertEquals(500, summary.intColumn("steps").get(0));
    }

    /** The committed ablation (before sources were recorded) still reads, every row marked as older code. */
    @Test
    void theCommittedAblationReadsAsMadeByOlderCode() {
        SweepTable.ResultsFile file = SweepTable.read(Path.of("../data/results/ablation"));
        assertEquals(39, file.runs().size());
        Table t = SweepTable.load(Path.of("../data/results/ablation"));
        assertTrue(t.stringColumn("sources").asList().stream().allMatch(CodeVersion.UNKNOWN::equals));
        assertTrue(t.stringColumn("current_code").asList().stream().allMatch("no"::equals));
        assertEquals(
                13, SweepSummary.of(t).rowCount(), "13 configurations, as data/results/ablation/README.md's table");
        for (SweepTable.Run r : file.runs())
            assertEquals(
                    r.result().exactAccuracy(),
                    r.manifest().results().finalEvaluation().exact());
        // data/results/ablation/README.md: the first 18 runs were trained with the sweep package not yet committed
        // (dirty), the rest clean.
        assertEquals(
                18,
                file.runs().stream().filter(r -> r.manifest().code().dirty()).count());
    }
}
