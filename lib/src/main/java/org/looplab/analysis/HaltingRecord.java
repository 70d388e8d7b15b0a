package org.looplab.analysis;

import java.nio.file.Path;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.Json;

/**
 * A halting measurement as a committed result ({@code looplab halting --record FILE}), which the claims scoreboard
 * reads: what was measured, on which puzzles, and the claim's numbers.
 *
 * @param model      the checkpoint's description (folder and run id)
 * @param data       the puzzles measured (test split name or file)
 * @param commit     the code commit that measured it
 * @param claim      the numbers ({@link HaltingClaim})
 */
public record HaltingRecord(String model, String data, String commit, HaltingClaim claim) {

    /** Written to a temporary file, then renamed. */
    public void write(Path file) {
        AtomicFiles.writeString(file, Json.write(this));
    }

    public static HaltingRecord read(Path file) {
        return Json.read(file, HaltingRecord.class);
    }
}
