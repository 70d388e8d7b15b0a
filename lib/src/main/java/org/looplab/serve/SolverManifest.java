package org.looplab.serve;

import org.looplab.provenance.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code manifest.json} beside a checkpoint (STYLE §4), as far as a caller of the solver needs it: the run id
 * and the measured metrics, plus the whole document for {@code describe_solver}.
 *
 * <p>Read as a plain tree, not bound to a record: the run manifest belongs to the trainer and grows with it, and the
 * server must keep answering with an older or newer one. Only the two fields read here have a meaning to it.
 *
 * @param id       the run id ({@code "unknown"} when the manifest has none)
 * @param metrics  the manifest's {@code metrics} object (exact-match accuracy and the like), empty when absent
 * @param document the whole manifest
 */
public record SolverManifest(String id, Map<String, Object> metrics, Map<String, Object> document) {

    public static final String FILE = "manifest.json";

    /** The manifest beside {@code checkpoint}, or null when there is none; a malformed one fails, naming the file. */
    @SuppressWarnings("unchecked")
    public static SolverManifest beside(Path checkpoint) {
        Path file = checkpoint.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        Map<String, Object> doc = Json.read(file, Map.class);
        Object id = doc.get("id");
        Object metrics = doc.get("metrics");
        return new SolverManifest(id == null ? "unknown" : id.toString(),
                metrics instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), doc);
    }

    /** Metrics measured on held-out puzzles (the trainer names them {@code eval_*}); all metrics when none is. */
    public Map<String, Object> heldOut() {
        Map<String, Object> eval = new java.util.LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (k.startsWith("eval_")) eval.put(k, v);
        });
        return eval.isEmpty() ? metrics : eval;
    }

    /** The name of the data set the run trained on ({@code data.name}), or null. */
    public String dataName() {
        return document.get("data") instanceof Map<?, ?> data && data.get("name") != null
                ? data.get("name").toString() : null;
    }
}
