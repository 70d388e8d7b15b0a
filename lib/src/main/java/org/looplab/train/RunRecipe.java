package org.looplab.train;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.looplab.Profile;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.Json;

/**
 * What a training run was, its seed aside: runs with the same recipe are seeds of one measurement, whatever folder
 * they were written to. A sweep's cells share a recipe by construction; this gives runs made with {@code looplab train}
 * (a warm-started stage, say) the same standing, from their manifests alone.
 *
 * <p>Two runs share a recipe when they trained on the same data set build, with the same model and training configs,
 * from the same starting weights (none, or a warm start whose weights file has the same hash: a source that was moved
 * is still the same source; one retrained in place is not). The code commit is left out on purpose: seeds of one
 * recipe are often trained by different builds of the lab across sessions, and a build that changed the arithmetic
 * shows as a changed config, not as a different commit.
 *
 * @param label  the recipe in words, for tables
 * @param sha256 SHA-256 of the recipe's canonical JSON (data, configs, starting weights): what groups runs
 * @param seed   the run's seed
 */
public record RunRecipe(String label, String sha256, long seed) {

    public RunRecipe {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("a run recipe needs a label");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}"))
            throw new IllegalArgumentException("a run recipe's sha256 must be 64 hex digits, was " + sha256);
    }

    /** The fields that make the recipe; serialised in component order, so the hash is stable. */
    private record Identity(
            String data,
            Profile profile,
            String dataSha256,
            ModelConfig model,
            TrainConfig train,
            String startSha256) {}

    /** The recipe of a run, from its manifest. */
    public static RunRecipe of(RunManifest run) {
        WarmStart start = WarmStart.recordedIn(run.deviations()).orElse(null);
        Identity id = new Identity(
                run.data().name(),
                run.data().profile(),
                run.data().sha256(),
                run.config().model(),
                run.config().train(),
                start == null ? null : start.paramsSha256());
        String sha = ContentHash.of(Json.write(id).getBytes(StandardCharsets.UTF_8));
        return new RunRecipe(label(run, start), sha, run.seed());
    }

    /** "sudoku9-mixed trm-mlp n 1, T 1, width 64, 6000 steps, lr 0.001 → 0×, from trm-mlp-sudoku9-mixed-long …". */
    private static String label(RunManifest run, WarmStart start) {
        TrainConfig t = run.config().train();
        StringBuilder s = new StringBuilder(run.data().name())
                .append(' ')
                .append(model(run.config().model()))
                .append(", ")
                .append(t.maxSteps())
                .append(" steps, lr ")
                .append(plain(t.learningRate()));
        if (t.lrMinRatio() < 1) s.append(" → ").append(plain(t.lrMinRatio())).append('×');
        if (start != null)
            s.append(", from ")
                    .append(start.source().getFileName())
                    .append(" (params ")
                    .append(start.paramsSha256(), 0, 10)
                    .append(')');
        return s.toString();
    }

    /** 0.001 and 0, not 1.0E-3 and 0.0 (the configs keep these as floats: their shortest decimal form). */
    private static String plain(float v) {
        return new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static String model(ModelConfig m) {
        if (m instanceof TrmConfig t)
            return String.format(
                    Locale.ROOT,
                    "trm-%s n %d, T %d, width %d",
                    t.mixer().name().toLowerCase(Locale.ROOT),
                    t.latentSteps(),
                    t.recursions(),
                    t.hiddenSize());
        return m.getClass().getSimpleName() + " width " + m.hiddenSize();
    }
}
