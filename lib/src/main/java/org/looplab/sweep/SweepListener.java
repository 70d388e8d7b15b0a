package org.looplab.sweep;

/** Hears about each cell as the runner finishes it, e.g. to refresh a table in a notebook. */
@FunctionalInterface
public interface SweepListener {

    /**
     * @param position 1-based position among this shard's cells
     * @param total    this shard's cells
     * @param result   the cell's result
     * @param how      "trained", "resumed" or "cached"
     */
    void finished(int position, int total, CellResult result, String how);

    SweepListener NONE = (p, t, r, h) -> {};
}
