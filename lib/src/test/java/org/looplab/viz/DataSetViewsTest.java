package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.data.PuzzleDataSets;
import tech.tablesaw.api.Table;

/** The shortest-path table behind README's maze-data flaw and notebook 01's section on it. */
class DataSetViewsTest {

    @Test
    void tiesAreCountedAndTheUniqueSetHasNone() {
        Table t = DataSetViews.shortestPaths(List.of(
                PuzzleDataSets.build("maze11", Profile.CPU), PuzzleDataSets.build("maze11-unique", Profile.SMOKE)));
        assertEquals(4, t.rowCount());
        // README's numbers for the tie-allowing cpu set: test 200 of 1,000 tied (20.0%), train 673 of 3,000 (22.4%),
        // at most 8 / 9 paths, and a tie-blind solver's best exact 89.2% on test.
        assertEquals(
                List.of("train", "test", "train", "test"),
                t.stringColumn("split").asList());
        assertEquals(673, t.intColumn("more than one shortest path").get(0));
        assertEquals(200, t.intColumn("more than one shortest path").get(1));
        assertEquals(22.4, t.doubleColumn("tied share (%)").get(0), 1e-9);
        assertEquals(9, t.intColumn("most shortest paths in one maze").get(0));
        assertEquals(8, t.intColumn("most shortest paths in one maze").get(1));
        assertEquals(
                89.2, t.doubleColumn("best exact of a tie-blind solver (%)").get(1), 1e-9);
        for (int row : new int[] {2, 3}) {
            assertEquals(0, t.intColumn("more than one shortest path").get(row));
            assertEquals(1, t.intColumn("most shortest paths in one maze").get(row));
            assertEquals(
                    100.0,
                    t.doubleColumn("best exact of a tie-blind solver (%)").get(row),
                    1e-9);
        }
    }

    @Test
    void aSudokuSetIsAnErrorNamingIt() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> DataSetViews.shortestPaths(List.of(PuzzleDataSets.build("sudoku4", Profile.SMOKE))));
        assertTrue(e.getMessage().contains("sudoku4"), e.getMessage());
    }
}
