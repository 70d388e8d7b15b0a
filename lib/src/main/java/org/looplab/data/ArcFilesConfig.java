package org.looplab.data;

import java.util.Locale;

/**
 * An ARC set built from the public task files ({@code looplab data build-arc --task ...}): the folder layout of
 * the ARC-AGI-1 or ARC-AGI-2 repository ({@code data/training}, {@code data/evaluation}), the reference canvas, and the
 * reference augmentation. The numbers of training and evaluation tasks are the catalogue's per-profile counts (the
 * first ones by file name; a folder with fewer is an error).
 *
 * @param layout        which public release the folder holds
 * @param augmentations extra (dihedral, colour) versions per task (reference: 1000)
 * @param translate     random offsets of training examples in the canvas (reference: yes)
 */
public record ArcFilesConfig(Layout layout, int augmentations, boolean translate) implements GeneratorConfig {

    /** The public releases; their files sit in {@code <data root>/<folder>/training} and {@code .../evaluation}. */
    public enum Layout {
        ARC_AGI_1("arc"),
        ARC_AGI_2("arc2");

        private final String folder;

        Layout(String folder) {
            this.folder = folder;
        }

        /** Default folder under the data root, e.g. {@code data/arc}. */
        public String folder() {
            return folder;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public ArcFilesConfig {
        if (layout == null) throw new IllegalArgumentException("layout must be ARC_AGI_1 or ARC_AGI_2, was null");
        if (augmentations < 0) throw new IllegalArgumentException("augmentations must be >= 0, was " + augmentations);
    }
}
