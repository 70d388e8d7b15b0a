package org.looplab.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.looplab.model.ModelConfig;
import org.looplab.provenance.CodeVersion;

/**
 * What {@code describe_solver} says: each loaded model, where it came from, and how well it was measured to do.
 * A model without a manifest says so instead of inventing an accuracy.
 *
 * @param models the loaded checkpoints
 * @param code   the server's own build (lib version, commit)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SolverDescription(List<Model> models, CodeVersion code) {

    /**
     * @param checkpoint        folder name
     * @param path              the folder relative to the server's working directory, or only its name when it lies
     *                          elsewhere: an answer to a client does not show the server machine's layout
     * @param puzzle            {@code sudoku} or {@code maze}
     * @param size              e.g. {@code 4x4}
     * @param architecture      the config's type (TrmConfig, HrmConfig, DirectConfig)
     * @param config            the architecture's numbers (hidden size, n, T, N_sup, ...)
     * @param parameters        trainable parameters (the papers' count)
     * @param supervisionSteps  N_sup: the most steps a request may ask for
     * @param manifestId        run id, null without a manifest
     * @param metrics           the manifest's measured metrics, null without them
     * @param accuracy          one line on what is known about its accuracy
     * @param manifest          the whole {@code manifest.json}, null without one
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Model(
            String checkpoint,
            String path,
            String puzzle,
            String size,
            String architecture,
            ModelConfig config,
            long parameters,
            int supervisionSteps,
            String manifestId,
            Map<String, Object> metrics,
            String accuracy,
            Map<String, Object> manifest) {}

    static SolverDescription of(List<LoadedSolver> solvers) {
        List<Model> models = solvers.stream()
                .map(s -> {
                    SolverManifest m = s.manifest();
                    boolean measured = m != null && m.measured();
                    String accuracy = measured
                            ? "measured (" + SolverManifest.FILE + "): " + m.heldOutLine()
                            : m == null
                                    ? "not measured: no " + SolverManifest.FILE + " beside the checkpoint"
                                    : "not measured: " + SolverManifest.FILE + " has no held-out results";
                    return new Model(
                            s.name(),
                            shown(s.folder()),
                            s.kind().name().toLowerCase(Locale.ROOT),
                            s.side() + "x" + s.side(),
                            s.model().config().getClass().getSimpleName(),
                            s.model().config(),
                            s.model().parameterCount(),
                            s.supervisionSteps(),
                            m == null ? null : m.id(),
                            measured ? m.metrics() : null,
                            accuracy,
                            m == null ? null : m.document());
                })
                .toList();
        return new SolverDescription(models, CodeVersion.current());
    }

    /** {@code folder} (absolute) as a client sees it: relative to the working directory, else its name. */
    static String shown(Path folder) {
        Path here = Path.of("").toAbsolutePath().normalize();
        if (folder.startsWith(here) && !folder.equals(here))
            return here.relativize(folder).toString();
        Path name = folder.getFileName();
        return name == null ? "." : name.toString();
    }
}
