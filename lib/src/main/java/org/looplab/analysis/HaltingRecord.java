package org.looplab.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.looplab.model.RecursionDepth;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.Json;
import org.looplab.provenance.OlderForms;
import org.looplab.train.RunRecipe;

/**
 * A halting measurement as a committed result ({@code looplab halting --record FILE}), which the claims scoreboard
 * reads: what was measured, on which puzzles, and the claim's numbers.
 *
 * @param model      the checkpoint's description (folder and run id)
 * @param data       the puzzles measured (test split name or file)
 * @param commit     the code commit that measured it
 * @param claim      the numbers ({@link HaltingClaim})
 * @param recipe     the training run's recipe and seed, from its manifest ({@link RunRecipe}), so the board can pool
 *                   seeds of one recipe; null for a checkpoint without a manifest, and in records written before
 *                   records carried it
 * @param depth      the recursion depth the weights were run at when it differs from the one they trained at
 *                   ({@code looplab halting --recursion}); null: as trained
 */
@OlderForms(HaltingRecord.Upgrade.class)
public record HaltingRecord(
        String model, String data, String commit, HaltingClaim claim, RunRecipe recipe, RecursionDepth depth) {

    /** Written to a temporary file, then renamed. */
    public void write(Path file) {
        AtomicFiles.writeString(file, Json.write(this));
    }

    public static HaltingRecord read(Path file) {
        return Json.read(file, HaltingRecord.class);
    }

    /**
     * Records written before records carried the recipe: the recipe is unknown (null), not invented; before they
     * carried a depth, every record measured the depth its model trained at (null).
     */
    public static final class Upgrade implements OlderForms.Upgrade {
        @Override
        public ObjectNode apply(ObjectNode stored) {
            if (!stored.has("recipe")) stored.putNull("recipe");
            if (!stored.has("depth")) stored.putNull("depth");
            return stored;
        }
    }
}
