package org.looplab.kernel.maven;

import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.eclipse.aether.util.graph.transformer.ConflictResolver.ConflictContext;
import org.eclipse.aether.util.graph.transformer.ConflictResolver.ConflictItem;

/**
 * Where two libraries of one resolution need different versions of a third, the highest version wins (ties: the
 * nearest), as in IJava's Ivy and in Gradle, not the nearest as in Maven. A notebook's {@code %maven} lines are a flat
 * list, not a project with a curated tree: switching a book's engine line to a newer engine must give that engine
 * the newer core library it was built against (d2l-java's {@code basicdataset:0.23.0} next to
 * {@code pytorch-engine:0.36.0} needs DJL's {@code api} at 0.36.0; Maven's nearest-first rule would pick 0.23.0 and
 * the engine fails with NoSuchMethodError). Code built against the older version usually still links against the newer.
 */
final class HighestVersionSelector extends ConflictResolver.VersionSelector {

    @Override
    public void selectVersion(ConflictContext context) {
        ConflictItem winner = null;
        for (ConflictItem item : context.getItems()) {
            if (winner == null || wins(item, winner)) {
                winner = item;
            }
        }
        context.setWinner(winner);
    }

    private static boolean wins(ConflictItem candidate, ConflictItem best) {
        int byVersion =
                candidate.getNode().getVersion().compareTo(best.getNode().getVersion());
        return byVersion > 0 || (byVersion == 0 && candidate.getDepth() < best.getDepth());
    }
}
