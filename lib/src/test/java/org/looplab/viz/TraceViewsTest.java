package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.model.RecursionTrace;
import org.looplab.model.TraceStep;

class TraceViewsTest {

    @Test
    void oneColumnPerStepWithDigitsAndBars() {
        float[][] bars = {new float[16]};
        bars[0][3] = 2f;
        TraceStep s1 = new TraceStep(
                1, new int[][] {{2, 1, 3, 5}}, new float[] {0.25f}, bars, new float[] {1f}, new float[] {1f});
        TraceStep s2 = new TraceStep(
                2, new int[][] {{2, 3, 3, 5}}, new float[] {0.5f}, bars, new float[] {0.5f}, new float[] {0f});
        String html = TraceViews.steps(new RecursionTrace("Trm", new long[][] {{2, 1, 3, 1}}, List.of(s1, s2)), 0, 2);
        assertEquals(2, html.split("<b>k=").length - 1);
        assertTrue(html.contains(">1</td>") && html.contains(">·</td>") && html.contains(">4</td>"), html); // token-1
        assertTrue(html.contains("halt 0.250") && html.contains("height:30px;background"), html);
    }
}
