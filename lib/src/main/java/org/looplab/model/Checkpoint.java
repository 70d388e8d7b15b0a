package org.looplab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.FileHashes;
import org.looplab.provenance.Json;
import org.looplab.provenance.RunFolder;

/**
 * A model on disk: a folder with {@code config.json} (architecture, task, seed, the weights file's SHA-256 and the
 * code version), {@code params.safetensors} (every named array: parameters, puzzle table, buffers) and
 * {@code SHA256SUMS} over both ({@link FileHashes}). Written to a temporary folder, then renamed, so a crash never
 * leaves half a checkpoint; a file that does not match its hash fails to load, naming the file, and so does a config
 * that differs from its run's manifest or whose hash was removed ({@link CheckpointTamperCheck}). A checkpoint written
 * before SHA256SUMS existed still loads, with a warning; its weights are checked against config.json's hash as before.
 */
public final class Checkpoint {
    public static final String CONFIG_FILE = RunFolder.CHECKPOINT_CONFIG;
    public static final String PARAMS_FILE = RunFolder.CHECKPOINT_PARAMS;

    /** What {@code config.json} holds. */
    public record Manifest(
            String kind,
            ModelConfig model,
            TaskShape task,
            long seed,
            String params,
            String paramsSha256,
            CodeVersion code) {
        public Manifest {
            ModelConfig.required("model", model);
            ModelConfig.required("task", task);
            ModelConfig.required("params", params);
            ModelConfig.required("paramsSha256", paramsSha256);
        }
    }

    private Checkpoint() {}

    public static void save(ReasoningModel model, Path folder) {
        if (!(model instanceof ModelParts parts))
            throw new IllegalArgumentException(
                    "cannot save a " + model.getClass().getName());
        byte[] params = parts.allArrays().encode(NDList.Encoding.SAFETENSORS);
        Manifest m = new Manifest(
                "checkpoint",
                model.config(),
                model.task(),
                model.seed(),
                PARAMS_FILE,
                ContentHash.of(params),
                CodeVersion.current());
        AtomicFiles.writeFolder(folder, tmp -> {
            Files.write(tmp.resolve(PARAMS_FILE), params);
            Files.writeString(tmp.resolve(CONFIG_FILE), Json.write(m));
            FileHashes.record(tmp, List.of(CONFIG_FILE, PARAMS_FILE));
        });
    }

    /** The architecture a checkpoint holds, from its config alone (no weights are read). */
    public static ModelConfig architecture(Path folder) {
        return Json.read(folder.resolve(CONFIG_FILE), Manifest.class).model();
    }

    /** Reads a checkpoint; a missing, truncated or altered file fails with its path in the message. */
    public static ReasoningModel load(Path folder) {
        return load(folder, null);
    }

    /**
     * Reads a checkpoint's weights into its model run at another recursion depth ({@link RecursionDepth}; null: the
     * depth it was saved with). The weights are the same arrays whatever the depth; only how often the network is
     * applied per supervision step changes.
     */
    public static ReasoningModel load(Path folder, RecursionDepth depth) {
        Path configFile = folder.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(configFile)) throw new IllegalArgumentException(configFile + ": no such file");
        // An edited config.json would build another model than the one trained (e.g. n = 5 over weights for n = 3):
        // checked against its hash first (an edit that breaks the JSON is named as an edit), then against the run.
        FileHashes own = FileHashes.read(folder);
        if (own != null && own.sha256().containsKey(CONFIG_FILE)) own.check(CONFIG_FILE);
        Manifest m = Json.read(configFile, Manifest.class);
        CheckpointTamperCheck.verify(folder, m, System.err);
        Path paramsFile = folder.resolve(m.params());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(paramsFile);
        } catch (IOException e) {
            throw new UncheckedIOException(paramsFile + ": cannot read", e);
        }
        String sha = ContentHash.of(bytes);
        if (!sha.equals(m.paramsSha256()))
            throw new IllegalArgumentException(paramsFile + ": corrupt or truncated checkpoint (sha256 " + sha + ", "
                    + configFile.getFileName() + " says " + m.paramsSha256() + ")");
        NDManager manager = Engine.getInstance().newBaseManager();
        try {
            NDList stored;
            try {
                stored = NDList.decode(manager, bytes);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(paramsFile + ": cannot decode: " + e.getMessage(), e);
            }
            Weights w = Weights.loaded(manager, stored, paramsFile.toString());
            ModelConfig c = depth == null ? m.model() : depth.applyTo(m.model());
            if (c instanceof TrmConfig t) return TinyRecursiveModel.build(t, m.task(), m.seed(), w);
            if (c instanceof HrmConfig h) return HierarchicalReasoningModel.build(h, m.task(), m.seed(), w);
            return DirectModel.build((DirectConfig) c, m.task(), m.seed(), w);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
