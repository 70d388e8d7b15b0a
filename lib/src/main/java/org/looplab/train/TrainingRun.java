package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.looplab.Profile;
import org.looplab.data.DataSetFolder;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.model.Checkpoint;
import org.looplab.model.ModelConfig;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.RunFolder;
import org.looplab.provenance.RunResults;
import org.looplab.provenance.RuntimeFacts;

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

/**
 * One training run with its provenance: the data set, the trainer, and (optionally) an output folder that holds
 * the checkpoint. The folder (STYLE §4):
 * <pre>
 *   manifest.json   {@link RunManifest}: id, profile, seed, steps, configs, data hash, code, deviations, runtime, metrics
 *   metrics.jsonl   one {@link TrainingMetrics} line per log step; a resumed run appends to it
 *   model/          EMA weights ({@link Checkpoint} format): what evaluation and notebooks load
 *   live/           the raw weights, for resuming
 * </pre>
 * Each save rewrites the whole folder through {@link AtomicFiles#writeFolder} (metrics copied in), so a crash
 * leaves the previous checkpoint. DEVIATION (resume): AdamW's moments are not saved (DJL keeps them private); a
 * resumed run restarts them from zero but continues the step count, schedule and bias correction, the EMA, the
 * weights and the metrics file; data order, augmentation and exploration draws are re-derived from (seed, step).
 */
public final class TrainingRun implements AutoCloseable {
    // The folder's file names live in RunFolder; these aliases keep callers short.
    public static final String MANIFEST = RunFolder.MANIFEST;
    public static final String METRICS = RunFolder.METRICS;
    public static final String MODEL = RunFolder.MODEL;
    public static final String LIVE = RunFolder.LIVE;
    /** How a manifest's deviations line for each resume starts. */
    public static final String RESUMED_AT = "resumed at step ";

    private final String id;
    private final Profile profile;
    private final PuzzleSplits data;
    private final Path dataFolder;
    private final DeepSupervisionTrainer trainer;
    private final Path out;   // null: nothing written
    private RunResults.HeldOut finalEvaluation;   // null until recordFinal
    private final List<String> resumeNotes = new ArrayList<>();

    private TrainingRun(String id, Profile profile, PuzzleSplits data, Path dataFolder, DeepSupervisionTrainer trainer,
                        Path out) {
        this.id = id;
        this.profile = profile;
        this.data = data;
        this.dataFolder = dataFolder;
        this.trainer = trainer;
        this.out = out;
    }

    /** A fresh run of {@code family} on the named data set, sized by {@code profile}. */
    public static TrainingRun start(ModelFamily family, String dataName, Profile profile, long seed, Path dataRoot,
                                    Path out) {
        return start(family.config(profile, dataName), TrainConfig.of(profile, dataName), dataName, profile, seed,
                dataRoot, out);
    }

    /** A fresh run with explicit configs; {@code out} may be null (notebook runs that keep nothing). */
    public static TrainingRun start(ModelConfig modelCfg, TrainConfig trainCfg, String dataName, Profile profile,
                                    long seed, Path dataRoot, Path out) {
        PuzzleSplits data = DataSetFolder.buildIfAbsent(dataName, profile, dataRoot);
        ReasoningModel model = modelCfg.build(taskOf(data.train()), seed);
        String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()) + "-"
                + modelName(modelCfg) + "-" + dataName + "-s" + seed;
        if (out != null && Files.exists(out.resolve(MANIFEST)))
            throw new IllegalArgumentException(out + ": already holds a run; resume it or choose another --out");
        return new TrainingRun(id, profile, data, PuzzleDataSets.folder(dataRoot, dataName, profile),
                new DeepSupervisionTrainer(model, data.train(), trainCfg, seed, 0), out);
    }

    /**
     * Continues the run saved in {@code folder}: weights, EMA, step counter, metrics; {@code moreSteps} raises the
     * step limit (0 keeps the saved one). The data set is loaded by name
     * (never rebuilt: {@link DataSetFolder#load}) and must hash as before.
     */
    public static TrainingRun resume(Path folder, Path dataRoot, long moreSteps, double minutes) {
        RunManifest m = readManifest(folder);
        Profile profile = m.data().profile();
        PuzzleSplits data = DataSetFolder.load(m.data().name(), profile, dataRoot);
        if (!data.train().contentHash().equals(m.data().trainSha256()))
            throw new IllegalArgumentException(folder.resolve(MANIFEST) + ": training data " + m.data().name()
                    + " now hashes " + data.train().contentHash() + ", the run trained on " + m.data().trainSha256());
        TrainConfig cfg = m.config().train();
        if (moreSteps > 0) cfg = cfg.withSteps(m.steps() + moreSteps);
        if (minutes >= 0) cfg = cfg.withMinutes(minutes);
        ReasoningModel live = Checkpoint.load(folder.resolve(LIVE));
        DeepSupervisionTrainer trainer;
        try (ReasoningModel averaged = Checkpoint.load(folder.resolve(MODEL))) {
            trainer = new DeepSupervisionTrainer(live, data.train(), cfg, m.seed(), m.steps());
            trainer.loadAverages(averaged.parameters());
        }
        List<TrainingMetrics> earlier = new ArrayList<>();
        new MetricsLog(folder.resolve(METRICS)).read().forEach(n -> earlier.add(TrainingMetrics.fromJson(n)));
        trainer.restoreHistory(earlier, m.seconds());
        TrainingRun run = new TrainingRun(m.id(), profile, data, PuzzleDataSets.folder(dataRoot, m.data().name(), profile),
                trainer, folder);
        // Each resume is a deviation from an uninterrupted run; earlier ones are carried over from the manifest.
        m.deviations().stream().filter(d -> d.startsWith(RESUMED_AT)).forEach(run.resumeNotes::add);
        run.resumeNotes.add(RESUMED_AT + m.steps() + " (AdamW moments restarted from zero)");
        return run;
    }

    /** How often this run was resumed (each resume restarts AdamW's moments). */
    public int resumes() {
        return resumeNotes.size();
    }

    /**
     * Reads a run folder's manifest (verified against its recorded hash, then validated: a missing or mistyped field
     * fails, naming it).
     */
    public static RunManifest readManifest(Path folder) {
        return RunManifest.read(new RunFolder(folder));
    }

    /** The EMA model of a run folder, for evaluation; the caller closes it. */
    public static ReasoningModel loadModel(Path folder) {
        return Checkpoint.load(folder.resolve(MODEL));
    }

    /** Trains to the config's limits, logging and checkpointing (when there is an output folder). */
    public void train(TrainingListener listener, HeldOutCheck heldOut, PrintStream progress) {
        MetricsLog log = out == null ? null : new MetricsLog(out.resolve(METRICS));
        ProgressBar bar = progress == null ? null
                : new ProgressBar(progress, trainer.config().maxSteps() - trainer.steps(), "steps");
        trainer.train(listener, heldOut, log, bar, out == null ? null : this::save);
    }

    /** Writes the checkpoint folder atomically. */
    public void save() {
        if (out == null) throw new IllegalStateException("this run has no output folder");
        ReasoningModel model = trainer.model();
        Path metrics = out.resolve(METRICS);
        RunManifest manifest = manifest();
        AtomicFiles.writeFolder(out, tmp -> {
            Checkpoint.save(model, tmp.resolve(LIVE));
            trainer.withAveragedWeights(m -> {
                Checkpoint.save(m, tmp.resolve(MODEL));
                return null;
            });
            if (Files.exists(metrics)) Files.copy(metrics, tmp.resolve(METRICS));
            else Files.writeString(tmp.resolve(METRICS), "");
            manifest.writeInto(tmp);
        });
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
        deviations.add(0, "model: " + modelName(mc) + " " + mc + (profile == Profile.GPU ? "" : " (smaller than the paper's)"));
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
        files.put(LIVE, "raw weights (resume from these)");
        files.put(METRICS, "metrics, one JSON object per logged step");
        return new RunManifest("run", id, profile, trainer.seed(), trainer.steps(), trainer.seconds(),
                new RunManifest.Config(mc, trainer.config()),
                new RunManifest.Data(data.manifest().name(), profile, data.sha256(), trainer.trainSha256(),
                        dataFolder.resolve(PuzzleSplits.MANIFEST).toString()),
                CodeVersion.current(), deviations, RuntimeFacts.current(), results, files);
    }

    /** {@code [vocab, cells, puzzle ids]} as the model needs them. */
    public static TaskShape taskOf(PuzzleDataSet set) {
        int ids = 1;
        for (int i = 0; i < set.count(); i++) ids = Math.max(ids, set.puzzleIdentifier(i) + 1);
        return new TaskShape(set.vocab(), set.seqLen(), ids);
    }

    static String modelName(ModelConfig c) {
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
        trainer.close();
        model.close();
    }
}
