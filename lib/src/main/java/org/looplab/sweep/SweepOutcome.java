package org.looplab.sweep;

import java.util.List;
import org.looplab.provenance.CodeVersion;

/**
 * What one invocation of the runner did, and every result the output folder now holds for the spec.
 *
 * @param trained  cells trained from scratch by this invocation
 * @param resumed  cells continued from an interrupted run's checkpoint
 * @param cached   cells whose finished result was already there (nothing trained)
 * @param pending  cells of the spec with no result yet (other shards' work)
 * @param results  finished cells of the whole spec, in spec order
 */
public record SweepOutcome(int trained, int resumed, int cached, int pending, List<CellResult> results) {
    public SweepOutcome {
        results = List.copyOf(results);
    }

    /** Finished results not known to be made by the training code of {@code build} (cached from older code). */
    public List<CellResult> madeByOtherCode(CodeVersion build) {
        return results.stream().filter(r -> !r.madeBy(build)).toList();
    }
}
