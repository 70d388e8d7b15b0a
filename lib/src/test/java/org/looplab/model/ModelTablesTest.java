package org.looplab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ModelTablesTest {

    @Test
    void ourComputeDepthEqualsTable1ForEveryRow() {
        Table t = ModelTables.computeDepth(ModelTables.table1());
        assertEquals(6, t.rowCount());
        for (int r = 0; r < t.rowCount(); r++)
            assertEquals(
                    t.intColumn("depth (paper)").get(r),
                    t.intColumn("depth (ours)").get(r),
                    t.stringColumn("model").get(r));
        // TRM back-propagates its last round, 7 net calls of 2 layers; HRM one L and one H module of 4 layers
        assertEquals(14, t.intColumn("back-propagated layers").get(1));
        assertEquals(8, t.intColumn("back-propagated layers").get(0));
        assertEquals(42 * 16, t.intColumn("layers over N_sup steps").get(1));
    }

    @Test
    void deviationsListOnlyTheFieldsThatDiffer() {
        Table t = ModelTables.deviations(TrmConfig.SMALL_MLP, TrmConfig.PAPER_MLP);
        assertEquals(2, t.rowCount(), t.print());
        assertEquals("hiddenSize", t.stringColumn("field").get(0));
        assertEquals("128", t.stringColumn("here").get(0));
        assertEquals(0, ModelTables.deviations(HrmConfig.PAPER, HrmConfig.PAPER).rowCount());
    }

    @Test
    void smallParameterTableCountsBuiltModels() {
        var rows = java.util.List.of(new ModelTables.PaperRow("tiny", TrmConfig.TINY_MLP, 0, "-", 0));
        Table t = ModelTables.parameters(rows, TaskShape.sudoku(4));
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 0)) {
            assertEquals(
                    m.parameterCount(), t.longColumn("parameters (built here)").get(0));
        }
    }

    @Test
    void sizeAndDepthAtTheSmokeProfile() {
        Table t = ModelTables.sizeAndDepth(ModelTables.profileModels(org.looplab.Profile.SMOKE), TaskShape.sudoku(4));
        assertEquals(4, t.rowCount());
        assertEquals(4, t.intColumn("depth per supervision step").get(0)); // direct tiny: 4 layers, once
        assertEquals(2 * 3 * 2, t.intColumn("depth per supervision step").get(3)); // TRM tiny: T(n+1)·layers
        assertEquals(2, t.intColumn("distinct layers").get(3));
    }
}
