package org.looplab.data;

/**
 * A generated ARC-like family ({@link ArcFamily}): small grid transformations whose held-out tasks are rules the
 * training tasks do not contain. The numbers of training and held-out tasks are the catalogue's per-profile counts.
 *
 * @param canvas        canvas side (the papers: 30; DEVIATION on cpu: 10, so a step costs a ninth)
 * @param minSide       smallest grid side drawn
 * @param maxSide       largest input side drawn (outputs of tiling rules may be twice as wide, never past the canvas)
 * @param demos         demonstration pairs per task (ARC tasks have 2-5, mostly 3)
 * @param tests         test pairs per task
 * @param augmentations extra (dihedral, colour) versions per task, each with its own puzzle identifier (papers: 1000)
 * @param translate     place training grids at a random offset in the canvas, as the reference builder does
 */
public record ArcFamilyConfig(
        int canvas, int minSide, int maxSide, int demos, int tests, int augmentations, boolean translate)
        implements GeneratorConfig {

    public ArcFamilyConfig {
        if (canvas < 4 || canvas > ArcEncoding.SIDE)
            throw new IllegalArgumentException("canvas must be in 4..30, was " + canvas);
        if (minSide < 3 || maxSide < Math.max(4, minSide) || 2 * maxSide > canvas)
            throw new IllegalArgumentException("need 3 <= minSide <= maxSide, maxSide >= 4 (a box with noise around it)"
                    + " and 2·maxSide <= canvas (tiling doubles a side); were minSide " + minSide + ", maxSide "
                    + maxSide + ", canvas " + canvas);
        if (demos < 1) throw new IllegalArgumentException("demos must be >= 1, was " + demos);
        if (tests < 1) throw new IllegalArgumentException("tests must be >= 1, was " + tests);
        if (augmentations < 0) throw new IllegalArgumentException("augmentations must be >= 0, was " + augmentations);
    }
}
