package org.looplab.train;

import org.looplab.model.ModelConfig;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.RuntimeFacts;

import java.util.List;
import java.util.Map;

/**
 * A training run's {@code manifest.json} (STYLE §4). It lives in train, not provenance, because it holds the typed
 * model and train configs, so a checkpoint's configs are validated field by field when read back.
 *
 * @param kind       always "run"
 * @param id         e.g. {@code 20261128-140311-trm-mlp-sudoku4-s7}
 * @param profile    smoke, cpu or gpu
 * @param seed       the run's one seed; every random choice derives from (seed, purpose)
 * @param steps      optimiser steps done
 * @param seconds    training wall time (across resumes)
 * @param config     model and train configs
 * @param data       the training data set
 * @param code       commit, dirty flag, lib version
 * @param deviations where this run differs from the paper
 * @param runtime    java, os, djl, engine, device
 * @param metrics    latest metrics (held-out ones named eval_*)
 * @param files      what the folder holds
 */
public record RunManifest(String kind, String id, String profile, long seed, long steps, double seconds, Config config,
                          Data data, CodeVersion code, List<String> deviations, RuntimeFacts runtime,
                          Map<String, Double> metrics, Map<String, String> files) {

    public RunManifest {
        if (!"run".equals(kind)) throw new IllegalArgumentException("kind must be \"run\", was " + kind);
        required("id", id);
        required("profile", profile);
        required("config", config);
        required("data", data);
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
     * @param manifest      path of the data set's manifest.json when the run started
     */
    public record Data(String name, String profile, String sha256, String trainSha256, String manifest) {
        public Data {
            required("data.name", name);
            required("data.sha256", sha256);
            required("data.trainSha256", trainSha256);
        }
    }

    private static void required(String field, Object v) {
        if (v == null) throw new IllegalArgumentException(field + " must be given, was null");
    }
}
