package org.looplab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Counts come from the built models' parameter lists. The expected values are the reference code's models counted
 * with the same sizes (TRM code {@code models/recursive_reasoning/trm.py}, HRM code {@code models/hrm/hrm_act_v1.py};
 * the papers round them to 7M, 5M, 19M and 27M); the puzzle-embedding table is not counted.
 */
class ParameterCountTest {

    private static long count(ModelConfig cfg, TaskShape task) {
        try (ReasoningModel m = cfg.build(task, 0)) {
            return m.parameterCount();
        }
    }

    @Test
    void trmAttentionOnSudoku() {
        // embed 11·512 + 2 blocks · 3,407,872 + answer head 512·11 + halt head 512·2+2
        assertEquals(6_828_034L, count(TrmConfig.PAPER_ATTENTION, TaskShape.sudoku9()));
    }

    @Test
    void trmMlpOnSudoku() {
        assertEquals(5_028_866L, count(TrmConfig.PAPER_MLP, TaskShape.sudoku9()));
    }

    @Test
    void hrmOnSudoku() {
        assertEquals(27_275_266L, count(HrmConfig.PAPER, TaskShape.sudoku9()));
    }

    @Test
    void trmAttentionOnArcAndTheFourLayerAblation() {
        assertEquals(6_829_058L, count(TrmConfig.PAPER_ATTENTION, TaskShape.arc(1)));
        TrmConfig fourLayers =
                new TrmConfig(512, 8, 4, 4, Mixer.MLP, PositionEncoding.NONE, 3, 3, 16, 16, Backprop.FULL_RECURSION);
        assertEquals(10_045_442L, count(fourLayers, TaskShape.sudoku9())); // Table 1 "w/ 4 layers, n=3": 10M
    }

    @Test
    void puzzleTableIsSeparateAndExcluded() {
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.arc(5), 0)) {
            assertEquals(5 * 32, m.puzzleEmbedding().getShape().size());
            for (var p : m.parameters()) assertEquals(false, p.getName().startsWith("embed.puzzle"), p.getName());
            assertEquals(2, m.buffers().size());
        }
    }
}
