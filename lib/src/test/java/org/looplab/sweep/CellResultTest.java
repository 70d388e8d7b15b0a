package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.data.PuzzleTask;
import org.looplab.provenance.Json;
import org.looplab.train.ModelFamily;

/** A result's task, family and mixer are typed in Java and keep their names in JSON. */
class CellResultTest {

    @Test
    void typedFieldsKeepTheirJsonNames() throws Exception {
        Path committed;
        try (var files = Files.list(Path.of("../data/results/claim-mixer/runs"))) {
            committed = files.map(f -> f.resolve("result.json"))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseThrow();
        }
        CellResult r = Json.read(committed, CellResult.class);
        String json = Json.write(r);
        assertTrue(json.contains("\"task\" : \"" + r.task().id() + "\""), json);
        assertTrue(json.contains("\"model\" : \"" + r.model().id() + "\""), json);
        assertTrue(json.contains("\"mixer\" : \"" + r.mixer().name() + "\""), json);
        assertEquals(
                Json.mapper().readTree(Files.readString(committed)),
                Json.mapper().readTree(json));
    }

    @Test
    void aFamilyWithoutAMixerReadsAsNoMixerAndKeepsItsIdInTheTable() {
        CellResult hrm = new CellResult(
                "f",
                "h",
                "r",
                List.of("g"),
                PuzzleTask.SUDOKU4,
                ModelFamily.HRM,
                null,
                0,
                0,
                64,
                0,
                8,
                0,
                10,
                1.0,
                100,
                0.5,
                0.5,
                0.5,
                2.0,
                32,
                0,
                "c",
                "s");
        assertEquals("hrm", hrm.arm());
        assertEquals("hrm", SweepTable.of(List.of(hrm)).stringColumn("mixer").get(0));
        // An older result stored the family id under "mixer".
        String older = Json.write(hrm).replace("\"mixer\" : null", "\"mixer\" : \"hrm\"");
        assertTrue(older.contains("\"mixer\" : \"hrm\""), older);
        CellResult back = Json.read(older, CellResult.class, "older result");
        assertNull(back.mixer());
        assertEquals(hrm, back);
    }
}
