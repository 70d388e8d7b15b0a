package org.looplab.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.looplab.Profile;
import org.looplab.data.DataSetFolder;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Checkpoint;
import org.looplab.model.ModelConfig;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionDepth;
import org.looplab.model.TaskShape;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.FileHashes;
import org.looplab.provenance.Json;
import org.looplab.provenance.RunFolder;
import org.looplab.provenance.RunResults;
import org.looplab.provenance.RuntimeFacts;

/**
 * One training run with its provenance: the data set, the trainer, and (optionally) an output folder that holds
 * the checkpoint. The folder (docs/training.md, "Run folder"):
 * <pre>
 *   manifest.json   {@link RunManifest}: id, profile, seed, steps, configs, data hash, code, deviations, runtime, metrics
 *   metrics.jsonl   one {@link TrainingMetrics} line per log step, appended as the run goes
 *   model/          EMA weights ({@link Checkpoint} format): what evaluation and notebooks load
 *   live/           what a resume needs: weights/ (raw weights), state.safetensors (AdamW moments, EMA, carry),
 *                   trainer.json ({@link TrainerState}: step, data order, slots, metrics window)
 *   run.lock        pid and host of the process writing the folder ({@link RunLock})
 * </pre>
 * A save replaces only what it owns, each entry atomically, in the order live/, model/, manifest.json: other files
 * stay, the folder keeps its permissions, and a kill leaves a consistent live/ (the resume point) whatever moment it
 * strikes. A resume continues exactly: same weights, EMA, AdamW moments, carry, data order, augmentation and
 * exploration draws as an uninterrupted run (bitwise at a fixed libtorch thread count; see docs/training.md, "Resuming"). It
 * first truncates metrics.jsonl to the checkpoint's step, so the lines written after the last checkpoint by a killed
 * run are not repeated.
 */
public final class TrainingRun implements AutoCloseable {
    // The folder's file names live in RunFolder; these aliases keep callers short.
    public static final String MANIFEST = RunFolder.MANIFEST;
    public static final String METRICS = RunFolder.METRICS;
    public static final String MODEL = RunFolder.MODEL;
    public static final String LIVE = RunFolder.LIVE;
    /** Inside {@link #LIVE}: the raw weights, the state arrays and the trainer state. */
    public static final String LIVE_WEIGHTS = "weights",
            LIVE_ARRAYS = "state.safetensors",
            LIVE_TRAINER = "trainer.json";
    /** How a manifest's deviations line for each resume starts. */
    public static final String RESUMED_AT = "resumed at step ";

    private final String id;
    private final Profile profile;
    private final PuzzleSplits data;
    private final Path dataFolder;
    private final DeepSupervisionTrainer trainer;
    private final Path out; // null: nothing written
    private final RunLock lock; // null when out is
    private RunResults.HeldOut finalEvaluation; // null until recordFinal
    private final List<String> resumeNotes = new ArrayList<>();
    // Lines a resume copies from the manifest unchanged: a warm start's origin.
    private final List<String> carriedNotes = new ArrayList<>();

    private TrainingRun(
            String id,
            Profile profile,
            PuzzleSplits data,
            Path dataFolder,
            DeepSupervisionTrainer trainer,
            Path out,
            RunLock lock) {
        this.id = id;
        this.profile = profile;
        this.data = data;
        this.dataFolder = dataFolder;
        this.trainer = trainer;
        this.out = out;
        this.lock = lock;
    }

    /** A fresh run of {@code family} on {@code task}, sized by {@code profile}: the catalogue's model and recipe. */
    public static TrainingRun start(
            ModelFamily family, PuzzleTask task, Profile profile, long seed, Path dataRoot, Path out) {
        return start(family.config(profile, task), TrainConfig.of(profile, task), task, profile, seed, dataRoot, out);
    }

    /**
     * A fresh run with explicit configs; {@code out} may be null (notebook runs that keep nothing). A folder that
     * holds a run is refused; the leftovers of a run killed before its first complete checkpoint (no manifest) are
     * replaced, saying so; a folder holding anything else is refused, naming it ({@link RunLeftovers}).
     */
    public static TrainingRun start(
            ModelConfig modelCfg,
            TrainConfig trainCfg,
            PuzzleTask task,
            Profile profile,
            long seed,
            Path dataRoot,
            Path out) {
        return start(
                shape -> new Initial(modelCfg.build(shape, seed), null), trainCfg, task, profile, seed, dataRoot, out);
    }

    /**
     * A fresh run whose weights start as {@code source}'s (a run or checkpoint folder: {@link WarmStart}), with the
     * source's architecture; everything else as {@link #start(ModelConfig, TrainConfig, PuzzleTask, Profile, long,
     * Path, Path)}.
     */
    public static TrainingRun startFrom(
            Path source, TrainConfig trainCfg, PuzzleTask task, Profile profile, long seed, Path dataRoot, Path out) {
        return startFrom(source, null, trainCfg, task, profile, seed, dataRoot, out);
    }

    /**
     * {@link #startFrom(Path, TrainConfig, PuzzleTask, Profile, long, Path, Path)} with the source's weights run at
     * another recursion depth ({@code depth}; null: the source's own), a depth curriculum's next stage. The warm-start
     * line of the manifest says which depth the source trained at, so a resume keeps the record.
     */
    public static TrainingRun startFrom(
            Path source,
            RecursionDepth depth,
            TrainConfig trainCfg,
            PuzzleTask task,
            Profile profile,
            long seed,
            Path dataRoot,
            Path out) {
        return start(
                shape -> {
                    WarmStart.Loaded loaded = WarmStart.load(source, shape, depth);
                    String note = loaded.record().note();
                    RecursionDepth trained = depth == null ? null : RecursionDepth.of(WarmStart.architecture(source));
                    if (depth != null && !depth.equals(trained))
                        note += "; run at " + depth + ", the source trained at " + trained
                                + " (a depth curriculum stage: the same weights, recursing "
                                + (depth.latentSteps() * depth.recursions()
                                                > trained.latentSteps() * trained.recursions()
                                        ? "deeper"
                                        : "shallower")
                                + ")";
                    return new Initial(loaded.model(), note);
                },
                trainCfg,
                task,
                profile,
                seed,
                dataRoot,
                out);
    }

    /** A run's first weights, built for the data's shape, and the manifest line their origin needs (null: none). */
    private record Initial(ReasoningModel model, String note) {}

    private static TrainingRun start(
            java.util.function.Function<TaskShape, Initial> build,
            TrainConfig trainCfg,
            PuzzleTask task,
            Profile profile,
            long seed,
            Path dataRoot,
            Path out) {
        RunLock lock = out == null ? null : RunLock.acquire(out);
        try {
            if (out != null) clearLeftovers(out);
            String dataName = task.id();
            PuzzleSplits data = DataSetFolder.buildIfAbsent(dataName, profile, dataRoot);
            Initial initial = build.apply(taskOf(data.train()));
            ReasoningModel model = initial.model();
            String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()) + "-"
                    + modelName(model.config()) + "-" + dataName + "-s" + seed;
            TrainingRun run = new TrainingRun(
                    id,
                    profile,
                    data,
                    PuzzleDataSets.folder(dataRoot, dataName, profile),
                    new DeepSupervisionTrainer(model, data.train(), trainCfg, seed),
                    out,
                    lock);
            if (initial.note() != null) run.carriedNotes.add(initial.note());
            return run;
        } catch (RuntimeException e) {
            if (lock != null) lock.close();
            throw e;
        }
    }

    private static void clearLeftovers(Path out) {
        if (Files.exists(out.resolve(MANIFEST)))
            throw new IllegalArgumentException(
                    out + ": already holds a run; resume it (--resume) or choose another --out");
        RunLeftovers.clear(out);
    }

    /**
     * Continues the run saved in {@code folder} exactly where its last checkpoint stopped; {@code moreSteps} raises
     * the step limit (0 keeps the saved one), {@code minutes} >= 0 sets a new time budget. The data set is loaded by
     * name (never rebuilt: {@link DataSetFolder#load}) and must hash as before.
     */
    public static TrainingRun resume(Path folder, Path dataRoot, long moreSteps, double minutes) {
        RunLock lock = RunLock.acquire(folder);
        try {
            return resume(folder, dataRoot, moreSteps, minutes, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static TrainingRun resume(Path folder, Path dataRoot, long moreSteps, double minutes, RunLock lock) {
        FileHashes.settle(folder); // a manifest write a kill cut short: finished or undone, now that we hold the lock
        RunManifest m = readManifest(folder);
        Path live = folder.resolve(LIVE);
        Path trainerFile = live.resolve(LIVE_TRAINER);
        if (!Files.isRegularFile(trainerFile))
            throw new IllegalArgumentException(trainerFile + ": no such file; " + folder + " was saved without its"
                    + " optimiser state (by an older LoopLab, or a finished sweep cell), so it cannot be resumed exactly;"
                    + " start a new run");
        TrainerState state = Json.read(trainerFile, TrainerState.class);
        Profile profile = m.data().profile();
        // A clone holds unfinished runs but no data sets: build it as a fresh run would; the hash check follows.
        PuzzleSplits data = DataSetFolder.buildIfAbsent(m.data().name(), profile, dataRoot);
        if (!data.train().contentHash().equals(m.data().trainSha256()))
            throw new IllegalArgumentException(folder.resolve(MANIFEST) + ": training data "
                    + m.data().name() + " now hashes " + data.train().contentHash() + ", the run trained on "
                    + m.data().trainSha256());
        TrainConfig cfg = m.config().train();
        if (moreSteps > 0)
            cfg = cfg.toBuilder().maxSteps(state.step() + moreSteps).build();
        if (minutes >= 0) cfg = cfg.toBuilder().maxMinutes(minutes).build();
        MetricsLog log = new MetricsLog(folder.resolve(METRICS));
        int dropped = log.truncateAfter(state.step());
        if (dropped > 0)
            System.err.println(log.file() + ": dropped " + dropped + " line(s) after step " + state.step()
                    + ", written after the last checkpoint by a run that was stopped; they will be written again");
        List<TrainingMetrics> earlier = new ArrayList<>();
        log.read().forEach(n -> earlier.add(TrainingMetrics.fromJson(n)));
        Path arraysFile = live.resolve(LIVE_ARRAYS);
        byte[] bytes = readVerified(arraysFile, state.arraysSha256(), trainerFile);
        ReasoningModel model = Checkpoint.load(live.resolve(LIVE_WEIGHTS));
        DeepSupervisionTrainer trainer;
        try (NDManager arrays = model.manager().newSubManager()) {
            trainer = new DeepSupervisionTrainer(model, data.train(), cfg, m.seed());
            NDList saved;
            try {
                saved = NDList.decode(arrays, bytes);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(arraysFile + ": cannot decode: " + e.getMessage(), e);
            }
            trainer.restore(state, saved, earlier, arraysFile.toString());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        TrainingRun run = new TrainingRun(
                m.id(),
                profile,
                data,
                PuzzleDataSets.folder(dataRoot, m.data().name(), profile),
                trainer,
                folder,
                lock);
        // Each resume is recorded (not a deviation any more: the state is restored exactly); earlier ones carry over.
        m.deviations().stream().filter(d -> d.startsWith(RESUMED_AT)).forEach(run.resumeNotes::add);
        m.deviations().stream().filter(d -> d.startsWith(WarmStart.PREFIX)).forEach(run.carriedNotes::add);
        run.resumeNotes.add(
                RESUMED_AT + state.step() + " (exact: weights, EMA, AdamW moments, carry and draws restored)");
        return run;
    }

    private static byte[] readVerified(Path file, String sha256, Path recordedIn) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        String sha = ContentHash.of(bytes);
        if (!sha.equals(sha256))
            throw new IllegalArgumentException(file + ": corrupt or truncated (sha256 " + sha + ", "
                    + recordedIn.getFileName() + " says " + sha256 + ")");
        return bytes;
    }

    /** How often this run was resumed. */
    public int resumes() {
        return resumeNotes.size();
    }

    /**
     * Reads a run folder's manifest (verified against its recorded hash, then validated: a missing or mistyped field
     * fails, naming it).
     */
    /**
     * Where the run in {@code folder} found its data set: the root above the data manifest it records (as the path
     * was given then, so a relative one is read from the working directory), or {@code data} when that folder is
     * not there any more (then the load names where it looked and how to build the set).
     */
    public static Path recordedDataRoot(Path folder) {
        String recorded = readManifest(folder).data().manifest();
        Path set = recorded == null ? null : Path.of(recorded).getParent();
        Path root = set == null ? null : set.getParent();
        return root != null && Files.isDirectory(set) ? root : Path.of("data");
    }

    public static RunManifest readManifest(Path folder) {
        return RunManifest.read(new RunFolder(folder));
    }

    /** The EMA model of a run folder, for evaluation; the caller closes it. */
    public static ReasoningModel loadModel(Path folder) {
        return Checkpoint.load(folder.resolve(MODEL));
    }

    /**
     * Trains to the config's limits, logging and checkpointing (when there is an output folder); {@code heldOut}
     * (periodic held-out checks) and {@code progress} (a progress line) may be null.
     */
    public void train(TrainingListener listener, HeldOutCheck heldOut, PrintStream progress) {
        TrainingLoop loop = new TrainingLoop(trainer).listener(listener).heldOut(heldOut);
        if (progress != null)
            loop.progress(new ProgressBar(progress, trainer.config().maxSteps() - trainer.steps(), "steps"));
        if (out != null) {
            MetricsLog log = new MetricsLog(out.resolve(METRICS));
            loop.metrics(m -> log.append(m.asMap())).checkpoints(this::save);
        }
        loop.run();
    }

    /**
     * Writes the checkpoint: live/ (the resume point), then model/ (EMA weights), then manifest.json, each swapped in
     * atomically; nothing else in the folder is touched.
     */
    public void save() {
        if (out == null) throw new IllegalStateException("this run has no output folder");
        ReasoningModel model = trainer.model();
        byte[] arrays = trainer.arrays().encode(NDList.Encoding.SAFETENSORS);
        TrainerState state = trainer.state(ContentHash.of(arrays));
        AtomicFiles.writeFolder(out.resolve(LIVE), tmp -> {
            Checkpoint.save(model, tmp.resolve(LIVE_WEIGHTS));
            Files.write(tmp.resolve(LIVE_ARRAYS), arrays);
            Files.writeString(tmp.resolve(LIVE_TRAINER), Json.write(state));
        });
        trainer.withAveragedWeights(m -> {
            Checkpoint.save(m, out.resolve(MODEL));
            return null;
        });
        if (!Files.exists(out.resolve(METRICS))) AtomicFiles.writeString(out.resolve(METRICS), "");
        manifest().writeInto(out); // manifest.json and its hash in SHA256SUMS
    }

    /**
     * Records the held-out evaluation after training (the manifest's {@code results.finalEvaluation}); call
     * {@link #save()} after.
     */
    public void recordFinal(RunResults.HeldOut evaluation) {
        finalEvaluation = evaluation;
    }

    /** The manifest as of now. */
    public RunManifest manifest() {
        ModelConfig mc = trainer.model().config();
        List<String> deviations = new ArrayList<>(trainer.config().deviations());
        deviations.add(
                0,
                "model: " + modelName(mc) + " " + mc + (profile == Profile.GPU ? "" : " (smaller than the paper's)"));
        deviations.addAll(carriedNotes);
        deviations.addAll(resumeNotes);
        List<TrainingMetrics> h = trainer.history();
        Double loss = null, haltedExact = null;
        if (!h.isEmpty()) {
            TrainingMetrics last = h.get(h.size() - 1);
            loss = last.loss();
            if (!Double.isNaN(last.haltedExact())) haltedExact = last.haltedExact();
        }
        RunResults.HeldOut lastCheck = null;
        for (int i = h.size() - 1; i >= 0 && lastCheck == null; i--) {
            TrainingMetrics t = h.get(i);
            // The check's puzzle count is the caller's choice (HeldOutCheck), not known here: left unrecorded.
            if (t.evaluated()) lastCheck = new RunResults.HeldOut(t.step(), null, t.evalExact(), t.evalCell(), null);
        }
        RunResults results = new RunResults(loss, haltedExact, lastCheck, finalEvaluation);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MODEL, "EMA weights (evaluate these)");
        files.put(LIVE, "resume state: raw weights, AdamW moments, EMA, carry, data position");
        files.put(METRICS, "metrics, one JSON object per logged step");
        return new RunManifest(
                "run",
                id,
                profile,
                trainer.seed(),
                trainer.steps(),
                trainer.seconds(),
                new RunManifest.Config(mc, trainer.config()),
                new RunManifest.Data(
                        data.manifest().name(),
                        profile,
                        data.sha256(),
                        trainer.trainSha256(),
                        // relative to the data root, so the record names no machine's folders
                        dataFolder.getFileName().resolve(PuzzleSplits.MANIFEST).toString()),
                CodeVersion.current(),
                deviations,
                RuntimeFacts.current(),
                results,
                files);
    }

    /** {@code [vocab, cells, puzzle ids]} as the model needs them. */
    public static TaskShape taskOf(PuzzleDataSet set) {
        int ids = 1;
        for (int i = 0; i < set.count(); i++) ids = Math.max(ids, set.puzzleIdentifier(i) + 1);
        return new TaskShape(set.vocab(), set.seqLen(), ids);
    }

    /** The model's family name as runs and folders spell it: trm-mlp, trm-att, trm-mlp-1step, hrm, direct. */
    public static String modelName(ModelConfig c) {
        if (c instanceof org.looplab.model.TrmConfig t)
            return "trm-" + (t.mixer() == org.looplab.model.Mixer.MLP ? "mlp" : "att")
                    + (t.backprop() == org.looplab.model.Backprop.ONE_STEP ? "-1step" : "");
        if (c instanceof org.looplab.model.HrmConfig) return "hrm";
        return "direct";
    }

    public String id() {
        return id;
    }

    public DeepSupervisionTrainer trainer() {
        return trainer;
    }

    public PuzzleSplits data() {
        return data;
    }

    public List<TrainingMetrics> history() {
        return trainer.history();
    }

    public Path folder() {
        return out;
    }

    @Override
    public void close() {
        ReasoningModel model = trainer.model();
        try {
            trainer.close();
            model.close();
        } finally {
            if (lock != null) lock.close();
        }
    }
}
