package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleTask;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;

/** Picking the hardest held-out puzzles for the viewer, and how many puzzles each profile's notebooks look at. */
class TracedPuzzlesTest {

    @Test
    void hardestRowsRankBacktracksThenFewerGivensThenRowOrder() {
        int[] backtracks = {0, 5, 5, 2, 5};
        int[] givens = {30, 25, 22, 20, 22};
        // Rows 2 and 4 tie (5 backtracks, 22 givens) above row 1 (5, 25); row 3's 20 givens do not lift 2 backtracks
        // above 5.
        assertEquals(List.of(2, 4, 1), TracedPuzzles.hardestRows(backtracks, givens, 3));
        assertEquals(List.of(2, 4, 1, 3, 0), TracedPuzzles.hardestRows(backtracks, givens, 10));
    }

    @Test
    void theViewersHardestPuzzlesAreTheHardestCandidatesHardestFirst() {
        PuzzleDataSet test = PuzzleDataSets.build("sudoku6", Profile.SMOKE).test();
        int candidates = 20;
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(6), 1)) {
            TracedPuzzles t = TracedPuzzles.hardest(m, "untrained", test, "sudoku6/test", 3, candidates, 0.9);
            assertEquals(3, t.puzzles().size());
            long hardestKey = Long.MIN_VALUE;
            for (int r = 0; r < candidates; r++)
                hardestKey =
                        Math.max(hardestKey, DifficultyBucket.key(test.difficulty(r), HaltingStats.givens(test, r)));
            long previous = Long.MAX_VALUE;
            for (TracedPuzzles.Puzzle p : t.puzzles()) {
                assertTrue(p.row() < candidates, "picked among the candidates: row " + p.row());
                assertEquals(test.difficulty(p.row()), p.difficulty());
                long key = DifficultyBucket.key(p.difficulty(), p.givens());
                assertTrue(key <= previous, "hardest first");
                previous = key;
                assertEquals(m.config().supervisionSteps(), p.steps().size());
            }
            TracedPuzzles.Puzzle first = t.puzzles().get(0);
            assertEquals(hardestKey, DifficultyBucket.key(first.difficulty(), first.givens()));
            assertEquals(DifficultyBucket.HARD.label(), first.bucket());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> TracedPuzzles.hardest(null, "none", test, "sudoku6/test", 0, candidates, 0.9));
    }

    @Test
    void smokeNeverMeasuresAFull9x9TestSplitAndCpuMeasuresAllOfIt() {
        StudySizes smoke = StudySizes.of(Profile.SMOKE), cpu = StudySizes.of(Profile.CPU);
        int nineByNine = PuzzleTask.SUDOKU9_MIXED.sizes().test(Profile.CPU);
        assertTrue(smoke.haltingPuzzles() < nineByNine / 10, "smoke stays a small subset: " + smoke);
        assertEquals(nineByNine, cpu.haltingPuzzles(), "cpu measures the whole held-out 9×9 split");
        // Smoke still sees every puzzle of a smoke split, so its tables have all three buckets where the set has them.
        assertTrue(smoke.haltingPuzzles() >= PuzzleTask.SUDOKU6.sizes().test(Profile.SMOKE));
        assertTrue(smoke.tracedPuzzles() <= cpu.tracedPuzzles());
        assertThrows(IllegalArgumentException.class, () -> new StudySizes(10, 5, 4));
    }
}
