package org.looplab.serve;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.looplab.provenance.Json;
import org.looplab.provenance.RunFolder;
import org.looplab.provenance.RunResults;
import org.looplab.train.RunManifest;

/**
 * The run manifest beside a checkpoint (docs/training.md, "Run folder"), as a caller of the solver sees it: the run id, what was measured
 * on held-out puzzles, and the whole document for {@code describe_solver}. Read by the one typed reader
 * ({@link RunManifest#read}), so it is verified against its recorded hash, and manifests written before 0.2 are
 * read into the same named fields.
 *
 * @param run the manifest
 */
public record SolverManifest(RunManifest run) {

    public static final String FILE = RunFolder.MANIFEST;

    public SolverManifest {
        if (run == null) throw new IllegalArgumentException("run manifest must be given, was null");
    }

    /** The manifest of {@code folder} (a run folder or bare checkpoint), or null when there is none. */
    public static SolverManifest of(RunFolder folder) {
        RunManifest m = RunManifest.readIfPresent(folder);
        return m == null ? null : new SolverManifest(m);
    }

    /** The manifest beside {@code checkpoint}, or null when there is none; a malformed one fails, naming the file. */
    public static SolverManifest beside(Path checkpoint) {
        return of(new RunFolder(checkpoint));
    }

    public String id() {
        return run.id();
    }

    /** True when the run was evaluated on held-out puzzles (after training, or at least during it). */
    public boolean measured() {
        return run.results().heldOut() != null;
    }

    /** Everything the run measured, by field name ({@link RunResults}). */
    public Map<String, Object> metrics() {
        return asMap(run.results());
    }

    /** The held-out measurement a caller should quote: the final evaluation, else the last check; empty when none. */
    public Map<String, Object> heldOut() {
        RunResults.HeldOut h = run.results().heldOut();
        return h == null ? Map.of() : asMap(h);
    }

    /** The held-out measurement a caller should quote, for people ({@link RunResults.HeldOut#describe()}). */
    public String heldOutLine() {
        RunResults.HeldOut h = run.results().heldOut();
        return h == null ? "none" : h.describe();
    }

    /** The whole manifest. */
    public Map<String, Object> document() {
        return asMap(run);
    }

    /** The name of the data set the run trained on. */
    public String dataName() {
        return run.data().name();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return new LinkedHashMap<>(Json.mapper().convertValue(value, Map.class));
    }
}
