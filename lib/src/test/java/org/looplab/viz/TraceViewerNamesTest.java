package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.analysis.TracedPuzzles;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.model.HrmConfig;
import org.looplab.model.Latents;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TrmConfig;
import org.looplab.train.TrainingRun;

/**
 * The viewer names the latents as the model's paper does: HRM has a high-level z_H (what the output head reads) and a
 * low-level z_L, not TRM's answer y and reasoning z. The names come from the model, through the traces.
 */
class TraceViewerNamesTest {
    static PuzzleSplits sudoku;

    @BeforeAll
    static void data() {
        sudoku = PuzzleDataSets.build("sudoku4", Profile.SMOKE);
    }

    private static TracedPuzzles traced(ReasoningModel m) {
        return TracedPuzzles.of(m, "untrained", sudoku.test(), "sudoku4 (smoke)", 2, 8, 0.5);
    }

    @Test
    void hrmTracesShowZHighAndZLow() {
        try (ReasoningModel hrm = HrmConfig.TINY.build(TrainingRun.taskOf(sudoku.train()), 1)) {
            TracedPuzzles t = traced(hrm);
            assertEquals(Latents.Names.HRM, t.names());
            String html = TraceViewer.fragment(t);
            assertTrue(html.contains("Current answer z_H"), "answer caption");
            assertTrue(html.contains("Latent z_L: mean |z_L| of 16 channel groups"), "latent caption");
            assertTrue(html.contains("'|Δz_L| from the step before: '"), "latent change line");
            assertFalse(html.contains("Current answer y"), "no TRM answer name");
            assertFalse(html.contains("Latent z:"), "no TRM latent name");
        }
    }

    @Test
    void trmTracesKeepYAndZ() {
        try (ReasoningModel trm = TrmConfig.TINY_MLP.build(TrainingRun.taskOf(sudoku.train()), 1)) {
            TracedPuzzles t = traced(trm);
            assertEquals(Latents.Names.TRM, t.names());
            String html = TraceViewer.fragment(t);
            assertTrue(html.contains("Current answer y"), "answer caption");
            assertTrue(html.contains("Latent z: mean |z| of 16 channel groups"), "latent caption");
            assertFalse(html.contains("%LATENT%") || html.contains("%ANSWER%"), "every placeholder filled");
        }
    }
}
