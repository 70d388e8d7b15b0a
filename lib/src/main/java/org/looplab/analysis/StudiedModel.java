package org.looplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.looplab.Profile;
import org.looplab.data.DataSetFolder;
import org.looplab.data.DataSetSpec;
import org.looplab.data.MazeGeneratorConfig;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.data.PuzzleTask;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.model.Checkpoint;
import org.looplab.model.ModelConfig;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionDepth;
import org.looplab.model.TaskShape;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.RunFolder;
import org.looplab.train.ModelFamily;
import org.looplab.train.RunManifest;
import org.looplab.train.TrainConfig;
import org.looplab.train.TrainingListener;
import org.looplab.train.TrainingRun;

/**
 * A model to analyse and the data set it is analysed on, with an honest description of where the model came from
 * (a checkpoint folder, or a fresh untrained one). Closing it closes the model.
 *
 * @param trained     false when the model is not a real training result (the fallback, see {@link #loadOrFallback})
 * @param trainSha256 content hash of the training split the model saw, or null when the checkpoint does not say
 */
public record StudiedModel(
        ReasoningModel model, String description, boolean trained, PuzzleSplits data, String trainSha256)
        implements AutoCloseable {

    public StudiedModel {
        // The papers' split keeps test puzzles out of training; an equal hash means someone passed train as test.
        Evaluation.refuseTrainingData(data.test(), trainSha256);
    }

    /** Seed of the fallback model's initial draws and of its training run. */
    public static final long FALLBACK_SEED = 0;

    /**
     * Optimiser steps of the fallback model: the smoke recipe's first steps only. A smoke notebook may train two or
     * three fallbacks (04: 9×9, 6×6 and a maze), and what they show needs no more: a fallback is never a result.
     */
    public static final int FALLBACK_STEPS = 20;

    /**
     * Loads a checkpoint (a checkpoint folder, or a training run folder holding one in {@code model/}) and a test
     * set: {@code dataName}, else the run's own data set, else the named set whose grid matches the model's task. The
     * set is the run's profile's build when the run says which (another profile's split reserves other puzzle
     * classes for test, so it could hold training puzzles), else {@code profile}'s. It is loaded from under
     * {@code dataRoot} and verified, or built there when its folder is missing or empty, as training builds it
     * ({@link DataSetFolder#buildIfAbsent}): a folder that holds anything is never replaced, and a mismatch fails.
     */
    public static StudiedModel load(Path checkpoint, String dataName, Profile profile, Path dataRoot) {
        return load(checkpoint, null, dataName, profile, dataRoot);
    }

    /**
     * {@link #load(Path, String, Profile, Path)} with the weights run at another recursion depth ({@code depth}; null:
     * the depth they trained at), which the description then names.
     */
    public static StudiedModel load(
            Path checkpoint, RecursionDepth depth, String dataName, Profile profile, Path dataRoot) {
        RunFolder folder = RunFolder.of(checkpoint);
        if (!RunFolder.isCheckpoint(folder.root()) && !folder.hasManifest() && folder.holdsModel())
            // Name what is missing for what the folder looks like: a run without its manifest, not a config.json.
            throw new IllegalArgumentException(folder.manifest() + ": missing, so the training run's data set and"
                    + " training-data hash are unknown; pass its " + RunFolder.MODEL
                    + "/ folder to study the bare model");
        RunManifest run = RunManifest.readIfPresent(folder);
        ReasoningModel m = Checkpoint.load(folder.checkpoint(), depth);
        try {
            Profile p = run == null ? profile : run.data().profile();
            String name = dataName != null ? dataName : run != null ? run.data().name() : dataSetFor(m.task(), p);
            PuzzleSplits data = DataSetFolder.buildIfAbsent(name, p, dataRoot);
            check(m.task(), data, name);
            return new StudiedModel(
                    m,
                    description(checkpoint, run) + atDepth(folder, depth),
                    true,
                    data,
                    run == null ? null : run.data().trainSha256());
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** How a loaded checkpoint is named in tables: its folder, and its run's id when it has a manifest. */
    public static String description(Path checkpoint, RunManifest run) {
        return "checkpoint " + checkpoint.normalize() + (run == null ? "" : " (run " + run.id() + ")");
    }

    /** " at n 1, T 3 (trained at n 1, T 1)" when {@code depth} differs from the checkpoint's own, else "". */
    public static String atDepth(RunFolder folder, RecursionDepth depth) {
        if (depth == null) return "";
        RecursionDepth trained = RecursionDepth.of(Checkpoint.architecture(folder.checkpoint()));
        return depth.equals(trained) ? "" : " at " + depth + " (trained at " + trained + ")";
    }

    /**
     * A checkpoint's model alone, for puzzles that come from a file rather than a named data set (so none is needed),
     * with its {@link #description}, at {@code depth} (null: its own). The caller closes the model.
     */
    public static ReasoningModel modelOnly(Path checkpoint, RecursionDepth depth) {
        return Checkpoint.load(RunFolder.of(checkpoint).checkpoint(), depth);
    }

    /**
     * The checkpoint when it exists and the profile is not smoke. Otherwise a tiny TRM-MLP trained here and now with
     * the smoke recipe ({@link TrainConfig#of}) for {@link #FALLBACK_STEPS} steps (seconds on a CPU) on the profile's
     * training split,
     * evaluated with its averaged (EMA) weights. Its description says so, and {@link #trained()} is false: it shows
     * the machinery, not what a trained model does.
     */
    public static StudiedModel loadOrFallback(Path checkpoint, String dataName, Profile profile, Path dataRoot) {
        boolean usable = profile != Profile.SMOKE && RunFolder.of(checkpoint).holdsModel();
        if (usable) return load(checkpoint, dataName, profile, dataRoot);
        String why = profile == Profile.SMOKE ? "smoke profile" : "no checkpoint at " + checkpoint.normalize();
        PuzzleTask task = PuzzleTask.of(dataName);
        ModelConfig cfg = ModelFamily.TRM_MLP.config(Profile.SMOKE, task);
        TrainConfig recipe = TrainConfig.of(Profile.SMOKE, task).toBuilder()
                .maxSteps(FALLBACK_STEPS)
                .build();
        try (TrainingRun run = TrainingRun.start(cfg, recipe, task, profile, FALLBACK_SEED, dataRoot, null)) {
            run.train(TrainingListener.NONE, null, null);
            ReasoningModel averaged = run.trainer().withAveragedWeights(StudiedModel::copyOf);
            return new StudiedModel(
                    averaged,
                    "NOT A RESULT: tiny TRM-MLP trained here for "
                            + run.trainer().steps() + " steps, smoke recipe (" + why + "), seed " + FALLBACK_SEED,
                    false,
                    run.data(),
                    run.trainer().trainSha256());
        }
    }

    /** An independent copy of a model (through a checkpoint in a temporary folder, the one copy path models have). */
    private static ReasoningModel copyOf(ReasoningModel m) {
        try {
            Path tmp = Files.createTempDirectory("looplab-model-");
            Checkpoint.save(m, tmp.resolve(RunFolder.MODEL));
            ReasoningModel copy = Checkpoint.load(tmp.resolve(RunFolder.MODEL));
            try {
                AtomicFiles.deleteTree(tmp);
            } catch (IOException | RuntimeException e) {
                copy.close();
                throw e;
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot copy the model through a temporary checkpoint: " + e.getMessage(), e);
        }
    }

    /** The named data set whose grid and vocabulary match {@code task}; fails listing the names when none does. */
    public static String dataSetFor(TaskShape task, Profile profile) {
        for (String name : PuzzleDataSets.NAMES) {
            DataSetSpec spec = PuzzleDataSets.spec(name, profile);
            TaskShape shape;
            if (spec.generator() instanceof SudokuGeneratorConfig s) shape = TaskShape.sudoku(s.side());
            else if (spec.generator() instanceof MazeGeneratorConfig m) shape = TaskShape.maze(m.size());
            else continue; // ARC: a model's puzzle identifiers belong to one set, never matched by shape
            if (shape.vocabSize() == task.vocabSize() && shape.gridCells() == task.gridCells()) return name;
        }
        throw new IllegalArgumentException("no named data set has vocab " + task.vocabSize() + " and "
                + task.gridCells() + " cells; pass one of " + String.join(", ", PuzzleDataSets.NAMES));
    }

    private static void check(TaskShape task, PuzzleSplits data, String name) {
        if (data.test().vocab() != task.vocabSize() || data.test().seqLen() != task.gridCells())
            throw new IllegalArgumentException(name + ": vocab " + data.test().vocab() + ", "
                    + data.test().seqLen() + " cells, but the model was built for vocab " + task.vocabSize() + ", "
                    + task.gridCells() + " cells");
    }

    /** What is being measured, for a notebook's first table. */
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("model", description);
        f.put(
                "real training result",
                trained ? "yes" : "NO: a tiny model trained for seconds; it shows the machinery, not a result");
        f.put("architecture", model.config().toString());
        f.put("parameters", String.valueOf(model.parameterCount()));
        f.put("supervision steps N_sup", String.valueOf(model.config().supervisionSteps()));
        f.put(
                "test set",
                dataLabel() + ", " + data.test().count() + " puzzles, profile "
                        + data.manifest().profile());
        return f;
    }

    /** Test set name and the first 12 hex digits of its content hash. */
    public String dataLabel() {
        return data.manifest().name() + "/test (sha256 " + data.sha256().substring(0, 12) + "…)";
    }

    /** Halting on the first {@code limit} test puzzles. */
    public HaltingStats halting(int limit, double threshold) {
        return halting(limit, threshold, DifficultyRating.storedFor(data.test().kind()));
    }

    /** Halting on the first {@code limit} test puzzles, ordered by difficulty as {@code rating} measures it. */
    public HaltingStats halting(int limit, double threshold, DifficultyRating rating) {
        return HaltingStats.measure(model, description, data.test(), dataLabel(), limit, threshold, rating);
    }

    /** {@code count} traced puzzles for the viewer, alternately easy and hard among the first {@code candidates} test rows. */
    public TracedPuzzles traces(int count, int candidates, double threshold) {
        return TracedPuzzles.of(model, description, data.test(), dataLabel(), count, candidates, threshold);
    }

    /** The {@code count} hardest of the first {@code candidates} test rows, hardest first, traced for the viewer. */
    public TracedPuzzles hardestTraces(int count, int candidates, double threshold) {
        return TracedPuzzles.hardest(model, description, data.test(), dataLabel(), count, candidates, threshold);
    }

    /** ARC sets: the vote over every held-out test input's versions, pass@1 and pass@2 ({@link ArcEvaluation}). */
    public ArcEvaluation.Result arcVotes() {
        return ArcEvaluation.run(model, data, trainSha256);
    }

    @Override
    public void close() {
        model.close();
    }
}
