package org.looplab.provenance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A training run folder or a checkpoint folder, and where each of its files is: the one place their names are
 * spelled. A run folder (docs/training.md, "Run folder"):
 * <pre>
 *   manifest.json   the run's manifest (train.RunManifest): configs, data hash, code version, results
 *   SHA256SUMS      SHA-256 of manifest.json ({@link FileHashes}; {@code sha256sum -c SHA256SUMS} checks it)
 *   metrics.jsonl   one line of training metrics per logged step
 *   model/          a checkpoint: the averaged (EMA) weights, what evaluation loads
 *   live/           a checkpoint: the raw weights, what a resume continues from
 * </pre>
 * A checkpoint folder holds {@code config.json} (architecture, task, seed, the weights' SHA-256), the weights
 * {@code params.safetensors} and its own {@code SHA256SUMS} over both. A bare checkpoint (no run around it) is a
 * RunFolder too: its model is the folder itself, and a {@code manifest.json} beside its config, if any, is its
 * manifest.
 *
 * @param root the run folder (or the bare checkpoint folder)
 */
public record RunFolder(Path root) {
    public static final String MANIFEST = "manifest.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String MODEL = "model";
    public static final String LIVE = "live";
    /** A checkpoint folder's description, and the file that says a folder is a checkpoint. */
    public static final String CHECKPOINT_CONFIG = "config.json";

    public static final String CHECKPOINT_PARAMS = "params.safetensors";

    public RunFolder {
        if (root == null) throw new IllegalArgumentException("run folder must be given, was null");
    }

    /**
     * The folder a user pointed at: a run folder, the {@code model/} checkpoint inside one (then the run around it, so
     * its manifest is found), or a bare checkpoint.
     */
    public static RunFolder of(Path given) {
        Path abs = given.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        boolean modelOfRun = abs.getFileName() != null
                && abs.getFileName().toString().equals(MODEL)
                && isCheckpoint(abs)
                && parent != null
                && Files.isRegularFile(parent.resolve(MANIFEST));
        if (!modelOfRun) return new RunFolder(given);
        return new RunFolder(
                given.normalize().getParent() != null ? given.normalize().getParent() : parent);
    }

    /** True when {@code folder} holds a checkpoint's {@code config.json}. */
    public static boolean isCheckpoint(Path folder) {
        return Files.isRegularFile(folder.resolve(CHECKPOINT_CONFIG));
    }

    public Path manifest() {
        return root.resolve(MANIFEST);
    }

    public boolean hasManifest() {
        return Files.isRegularFile(manifest());
    }

    public Path metrics() {
        return root.resolve(METRICS);
    }

    /** The checkpoint to evaluate: {@code model/} of a run, or the folder itself when it is a bare checkpoint. */
    public Path model() {
        return isCheckpoint(root) ? root : root.resolve(MODEL);
    }

    /** What a resume continues from: the raw weights (in {@code weights/}), optimiser state and trainer state. */
    public Path live() {
        return root.resolve(LIVE);
    }

    /**
     * {@link #model()}, checked: a folder that is neither a run (with {@code model/}) nor a checkpoint fails with one
     * line saying what was expected, instead of naming a {@code config.json} the user never meant.
     */
    public Path checkpoint() {
        if (!Files.isDirectory(root)) throw new IllegalArgumentException(root + ": no such folder");
        if (!holdsModel())
            throw new IllegalArgumentException(root + ": neither a run folder (" + MANIFEST + " and " + MODEL
                    + "/) nor a" + " checkpoint (" + CHECKPOINT_CONFIG + " and " + CHECKPOINT_PARAMS + ")");
        return model();
    }

    /** True when there is a checkpoint to load ({@link #model()} holds a config). */
    public boolean holdsModel() {
        return isCheckpoint(model());
    }

    /** The folder's own name: how a caller sees which run or checkpoint answered. */
    public String name() {
        Path name = root.toAbsolutePath().normalize().getFileName();
        return name == null ? root.toString() : name.toString();
    }

    /** Fails, naming the file, when {@code manifest.json} differs from the hash recorded beside it. */
    public void verifyManifest() {
        FileHashes.verify(root, MANIFEST);
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
