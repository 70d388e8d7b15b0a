package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.analysis.TracedPuzzles;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TrmConfig;
import org.looplab.train.TrainingRun;

/** The trace viewer plays an ARC task: the canvas is the grid it draws, colours are digits, EOS marks a dot. */
class ArcTraceViewerTest {

    @Test
    void anArcTestInputIsTracedOnItsCanvas() {
        PuzzleSplits arc = PuzzleDataSets.build("arc-family", Profile.SMOKE);
        try (ReasoningModel m = TrmConfig.TINY_ATTENTION.build(TrainingRun.taskOf(arc.train()), 1)) {
            TracedPuzzles t = TracedPuzzles.of(m, "untrained", arc.test(), "arc-family (smoke)", 2, 4, 0.5);
            assertEquals(10, t.side(), "the 10×10 canvas of the smoke family");
            assertEquals("", t.symbols().get(0));
            assertEquals("·", t.symbols().get(1));
            assertEquals("0", t.symbols().get(2));
            assertEquals("9", t.symbols().get(11));
            assertEquals(2, t.puzzles().size());
            assertEquals(100, t.puzzles().get(0).input().length);
            String html = TraceViewer.fragment(t);
            assertTrue(html.contains("\"side\":10"), "side in the embedded data");
        }
    }
}
