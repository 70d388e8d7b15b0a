package org.looplab.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Mixer;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.OlderForms;
import org.looplab.train.ModelFamily;

/**
 * A finished sweep run, as {@code runs/FOLDER/result.json} and one row of the results table.
 * Accuracies come from held-out puzzles (the data set's test split) with the run's EMA weights.
 *
 * @param folder            the run's folder under {@code runs/}
 * @param hash              the cell's cache key ({@link SweepCell#hash})
 * @param runId             the run manifest's id
 * @param grids             the spec's grids the cell belongs to
 * @param task              data set (its id in JSON)
 * @param model             model family (its id in JSON)
 * @param mixer             ATTENTION or MLP for TRM; null for families without one (HRM, direct)
 * @param latentSteps       n (0 for non-TRM models)
 * @param recursions        T (0 for non-TRM models)
 * @param hiddenSize        width
 * @param layers            blocks in the net (0 for non-TRM models)
 * @param depth             effective depth per supervision step, T(n+1)·layers for TRM
 * @param seed              run seed
 * @param steps             optimiser steps trained
 * @param seconds           training wall time (not comparable across machines or under load)
 * @param parameters        trainable parameters
 * @param exactAccuracy     held-out: share of puzzles with every cell right after N_sup steps
 * @param cellAccuracy      held-out per-cell accuracy
 * @param adaptiveExact     held-out exact-match when each puzzle stops at its halt signal (threshold 0.5)
 * @param adaptiveMeanSteps mean supervision steps used under adaptive halting
 * @param testPuzzles       held-out puzzles evaluated
 * @param resumes           how often the run was resumed after an interruption (each resume continues from the saved optimiser, carry and data state)
 * @param commit            code commit that trained it
 * @param sources           {@link CodeVersion#sources()} of the code that trained it: results with different values
 *                          were made by different training code ({@code "unknown"}: written before it was recorded)
 */
@OlderForms(CellResult.Upgrade.class)
public record CellResult(
        String folder,
        String hash,
        String runId,
        List<String> grids,
        PuzzleTask task,
        ModelFamily model,
        Mixer mixer,
        int latentSteps,
        int recursions,
        int hiddenSize,
        int layers,
        int depth,
        long seed,
        long steps,
        double seconds,
        long parameters,
        double exactAccuracy,
        double cellAccuracy,
        double adaptiveExact,
        double adaptiveMeanSteps,
        int testPuzzles,
        int resumes,
        String commit,
        String sources) {

    public CellResult {
        grids = List.copyOf(grids);
        if (sources == null || sources.isBlank()) sources = CodeVersion.UNKNOWN;
    }

    /** The arm of a mixer comparison, as the results table's {@code mixer} column: ATTENTION, MLP, else the family id. */
    public String arm() {
        return mixer != null ? mixer.name() : model.id();
    }

    /** True when the code that made this result is known to be the code of {@code build}. */
    public boolean madeBy(CodeVersion build) {
        return !CodeVersion.UNKNOWN.equals(sources) && sources.equals(build.sources());
    }

    /** The same result listed under {@code grids} (a cached run may belong to more grids than when it ran). */
    CellResult inGrids(List<String> newGrids) {
        return new CellResult(
                folder,
                hash,
                runId,
                newGrids,
                task,
                model,
                mixer,
                latentSteps,
                recursions,
                hiddenSize,
                layers,
                depth,
                seed,
                steps,
                seconds,
                parameters,
                exactAccuracy,
                cellAccuracy,
                adaptiveExact,
                adaptiveMeanSteps,
                testPuzzles,
                resumes,
                commit,
                sources);
    }

    /**
     * Results written before 0.2 have no {@code sources}: their training code is not known. Results of families
     * without a mixer once stored the family id under {@code mixer}; it reads as no mixer.
     */
    public static final class Upgrade implements OlderForms.Upgrade {
        @Override
        public ObjectNode apply(ObjectNode stored) {
            if (!stored.has("sources")) stored.put("sources", CodeVersion.UNKNOWN);
            var mixer = stored.get("mixer");
            if (mixer != null && mixer.isTextual() && !isMixer(mixer.asText())) stored.putNull("mixer");
            return stored;
        }

        private static boolean isMixer(String name) {
            for (Mixer m : Mixer.values()) if (m.name().equals(name)) return true;
            return false;
        }
    }
}
