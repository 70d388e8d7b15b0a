package org.looplab.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.looplab.Profile;
import org.looplab.model.ModelConfig;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.FileHashes;
import org.looplab.provenance.Json;
import org.looplab.provenance.OlderForms;
import org.looplab.provenance.RunFolder;
import org.looplab.provenance.RunResults;
import org.looplab.provenance.RuntimeFacts;

/**
 * A training run's {@code manifest.json} (docs/training.md, "Run folder"), the one reader and writer of it. It lives in train, not
 * provenance, because it holds the typed model and train configs, so a checkpoint's configs are validated field by
 * field when read back. Reading verifies the file against the {@code SHA256SUMS} beside it first.
 *
 * @param kind       always "run"
 * @param id         e.g. {@code 20261128-140311-trm-mlp-sudoku4-s7}
 * @param profile    the profile the run was sized by
 * @param seed       the run's one seed; every random choice derives from (seed, purpose)
 * @param steps      optimiser steps done
 * @param seconds    training wall time (across resumes)
 * @param config     model and train configs
 * @param data       the training data set
 * @param code       commit, dirty flag, lib version, training-source hash
 * @param deviations where this run differs from the paper
 * @param runtime    java, os, djl, engine, device
 * @param results    what it measured ({@link RunResults}; manifests before 0.2 kept a {@code metrics} map instead,
 *                   read into the same fields)
 * @param files      what the folder holds
 */
@OlderForms(RunManifest.Upgrade.class)
public record RunManifest(
        String kind,
        String id,
        Profile profile,
        long seed,
        long steps,
        double seconds,
        Config config,
        Data data,
        CodeVersion code,
        List<String> deviations,
        RuntimeFacts runtime,
        RunResults results,
        Map<String, String> files) {

    public RunManifest {
        if (!"run".equals(kind)) throw new IllegalArgumentException("kind must be \"run\", was " + kind);
        required("id", id);
        required("profile", profile);
        required("config", config);
        required("data", data);
        required("code", code);
        if (results == null) results = RunResults.NONE;
        deviations = deviations == null ? List.of() : List.copyOf(deviations);
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, was " + steps);
    }

    /** @param model architecture; @param train optimisation recipe */
    public record Config(ModelConfig model, TrainConfig train) {
        public Config {
            required("config.model", model);
            required("config.train", train);
        }
    }

    /**
     * @param name          data set name, e.g. sudoku4
     * @param profile       the profile it was built for (sizes differ)
     * @param sha256        the data set manifest's combined hash
     * @param trainSha256   content hash of the training split (evaluation refuses a test set equal to it)
     * @param manifest      the data set's manifest.json, relative to the data root ({@code sudoku4/manifest.json});
     *                      older runs recorded it as the trainer saw it ({@code data/sudoku4/manifest.json})
     */
    public record Data(String name, Profile profile, String sha256, String trainSha256, String manifest) {
        public Data {
            required("data.name", name);
            required("data.profile", profile);
            required("data.sha256", sha256);
            required("data.trainSha256", trainSha256);
        }
    }

    /** The manifest of {@code folder}, verified against its recorded hash; fails naming the file when there is none. */
    public static RunManifest read(RunFolder folder) {
        if (!folder.hasManifest()) throw new IllegalArgumentException(folder.manifest() + ": no such run manifest");
        folder.verifyManifest();
        return Json.read(folder.manifest(), RunManifest.class);
    }

    /** {@link #read}, or null when the folder has no manifest (a bare checkpoint). */
    public static RunManifest readIfPresent(RunFolder folder) {
        return folder.hasManifest() ? read(folder) : null;
    }

    /**
     * Writes {@code manifest.json} into {@code folder} and records its hash in {@code SHA256SUMS}, so a later edit is
     * refused on reading. Call it on the temporary folder of an atomic folder write.
     */
    public void writeInto(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + folder, e);
        }
        FileHashes.replaceRecorded(folder, RunFolder.MANIFEST, Json.write(this)); // no kill leaves them disagreeing
    }

    /** What differs between two runs: configs, data, code, runtime (see {@link RunDiff}). */
    public static RunDiff diff(RunManifest a, RunManifest b) {
        return RunDiff.of(a, b);
    }

    public RunManifest withResults(RunResults r) {
        return new RunManifest(
                kind, id, profile, seed, steps, seconds, config, data, code, deviations, runtime, r, files);
    }

    private static void required(String field, Object v) {
        if (v == null) throw new IllegalArgumentException(field + " must be given, was null");
    }

    /**
     * Manifests before 0.2 kept {@code metrics}, a map whose keys the writers chose ({@code eval_exact},
     * {@code final_exact_accuracy}, ...). Each old key moves to its named field; the final evaluation's step is the
     * manifest's {@code steps} (it ran on the saved weights) and its threshold 0.5 (both writers used 0.5). An old
     * key not listed here is an error, so nothing is dropped silently.
     */
    public static final class Upgrade implements OlderForms.Upgrade {
        @Override
        public ObjectNode apply(ObjectNode stored) {
            JsonNode metrics = stored.remove("metrics");
            if (metrics == null || stored.has("results")) return stored;
            ObjectNode m = metrics.deepCopy();
            ObjectNode results = stored.putObject("results");
            move(m, "loss", results, "loss");
            move(m, "train_halted_exact", results, "trainHaltedExact");
            if (m.has("eval_exact")) {
                ObjectNode check = results.putObject("lastCheck");
                check.put("step", take(m, "eval_step").asLong());
                check.putNull("puzzles");
                check.set("exact", take(m, "eval_exact"));
                check.set("cell", take(m, "eval_cell"));
                check.putNull("adaptive");
            }
            if (m.has("final_exact_accuracy")) {
                ObjectNode last = results.putObject("finalEvaluation");
                last.put("step", stored.path("steps").asLong());
                last.put("puzzles", take(m, "final_test_puzzles").asInt());
                last.set("exact", take(m, "final_exact_accuracy"));
                last.set("cell", take(m, "final_cell_accuracy"));
                ObjectNode adaptive = last.putObject("adaptive");
                adaptive.put("threshold", 0.5);
                adaptive.set("exact", take(m, "final_adaptive_exact_accuracy"));
                adaptive.set("meanSteps", take(m, "final_adaptive_mean_steps"));
            }
            for (String field : List.of("lastCheck", "finalEvaluation"))
                if (!results.has(field)) results.putNull(field);
            Iterator<String> left = m.fieldNames();
            if (left.hasNext())
                throw new IllegalArgumentException(
                        "metrics: unknown key '" + left.next() + "' in a manifest before 0.2");
            return stored;
        }

        private static void move(ObjectNode from, String key, ObjectNode to, String field) {
            JsonNode v = from.remove(key);
            if (v == null) to.putNull(field);
            else to.set(field, v);
        }

        private static JsonNode take(ObjectNode from, String key) {
            JsonNode v = from.remove(key);
            if (v == null)
                throw new IllegalArgumentException("metrics: '" + key + "' is missing in a manifest before 0.2");
            return v;
        }
    }
}
