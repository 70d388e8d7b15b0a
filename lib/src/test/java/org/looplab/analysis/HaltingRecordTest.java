package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed halting records keep loading: those written before records carried the recipe read with none. */
class HaltingRecordTest {

    private static final Path RECORDS = Path.of("../data/results/halting");

    @Test
    void aRecordWithoutARecipeReadsWithNoneAndARecordWithOneRoundTrips(@TempDir Path tmp) {
        HaltingRecord old = HaltingRecord.read(RECORDS.resolve("maze11-unique-trm-mlp-n2-T2-w64-s0-5b881c7afd.json"));
        assertNull(old.recipe());
        assertEquals("path-length", old.claim().difficulty());

        HaltingRecord shipped = HaltingRecord.read(RECORDS.resolve("trm-mlp-sudoku9-mixed-cosine.json"));
        assertEquals(0L, shipped.recipe().seed());
        Path copy = tmp.resolve("copy.json");
        shipped.write(copy);
        assertEquals(shipped, HaltingRecord.read(copy));
    }
}
