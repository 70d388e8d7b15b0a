package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TextTablesTest {
    @Test
    void doublesAreWrittenToFourSignificantDigitsAndTheTableKeepsFullPrecision() {
        Table t = Table.create(
                "halting",
                StringColumn.create("bucket", "easy", "hard"),
                IntColumn.create("puzzles", 329, 12000),
                DoubleColumn.create("mean halt step", 2.0790273556231003, 16.0),
                DoubleColumn.create("accuracy", 0.993920972644377, 0.0039));
        String text = TextTables.of(t);
        assertTrue(text.contains("2.079"), text);
        assertTrue(text.contains("0.9939"), text);
        assertTrue(text.contains("0.0039"), text);
        assertTrue(text.contains("16"), text);
        assertFalse(text.contains("2.0790273"), text);
        assertFalse(text.contains("16.0"), "an integral double reads as an integer: " + text);
        assertTrue(text.contains("12000"), "integer columns are left as they are: " + text);
        assertEquals(2.0790273556231003, t.doubleColumn("mean halt step").get(0), "the table itself is untouched");
        assertTrue(t.printAll().contains("2.0790273556231003"));
    }
}
