package org.looplab.sweep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.looplab.model.Backprop;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.Json;
import org.looplab.train.TrainConfig;
import org.looplab.train.UpdateRule;

/**
 * One run of a sweep: a task, a fully resolved model and training config, and a seed.
 *
 * @param task   data set name
 * @param model  family id (trm-mlp, trm-att, …)
 * @param seed   the run's seed
 * @param config architecture
 * @param train  recipe (fixed step budget)
 * @param grids  the spec's grids this cell belongs to
 */
public record SweepCell(
        String task, String model, long seed, ModelConfig config, TrainConfig train, List<String> grids) {

    public SweepCell {
        grids = List.copyOf(grids);
    }

    SweepCell alsoIn(String grid) {
        List<String> more = new ArrayList<>(grids);
        more.add(grid);
        return new SweepCell(task, model, seed, config, train, more);
    }

    /**
     * The cache key: SHA-256 of everything that decides the result — profile, task, the data set's content hash,
     * both configs and the seed. Not the code version: a rerun after a commit reuses finished runs (their
     * manifests record the code that made them); delete the output folder to retrain under new code.
     */
    public String hash(String profile, String dataSha256) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("profile", profile);
        key.put("task", task);
        key.put("data", dataSha256);
        key.put("model", config);
        key.put("train", train);
        key.put("seed", seed);
        return ContentHash.of(Json.write(key).getBytes(StandardCharsets.UTF_8));
    }

    /** A readable folder name that stays unique: the factors, the seed and the first 10 hex digits of the hash. */
    public String folderName(String hash) {
        StringBuilder b = new StringBuilder(task).append('-').append(model);
        if (config instanceof TrmConfig t) {
            b.append("-n")
                    .append(t.latentSteps())
                    .append("-T")
                    .append(t.recursions())
                    .append("-w")
                    .append(t.hiddenSize());
            if (t.backprop() == Backprop.ONE_STEP) b.append("-1step"); // N_sup and the rest: in the hash
        }
        if (train.optimiser() == UpdateRule.ADAM_ATAN2) b.append("-atan2");
        return b.append("-s").append(seed).append('-').append(hash, 0, 10).toString();
    }
}
