package org.looplab.sweep;

import org.looplab.Profile;
import org.looplab.analysis.Evaluation;
import org.looplab.analysis.TrainingWorkflow;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.Json;
import org.looplab.train.RunManifest;
import org.looplab.train.TrainingListener;
import org.looplab.train.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a {@link SweepSpec} into an output folder, one training run per cell, cached by config hash:
 * <pre>
 *   spec.json              the spec as run
 *   results.csv            one row per finished cell ({@link SweepTable})
 *   results.json           the same rows, each with its run manifest
 *   runs/FOLDER/           a {@link TrainingRun} folder (manifest, metrics.jsonl, model/) plus result.json
 * </pre>
 * A cell whose folder holds {@code result.json} is done and is not trained again; one that holds only a
 * checkpoint was interrupted and is resumed from it exactly (see {@link TrainingRun});
 * anything else is trained from scratch. Cells are independent, so K machines can each run a {@link Shard} of the
 * same spec and their {@code runs/} folders can be merged by copying.
 */
public final class SweepRunner {
    public static final String RESULT = "result.json";
    public static final String RUNS = "runs";
    /** Adaptive-halting threshold of the final evaluation (the halt head's own decision boundary). */
    public static final double THRESHOLD = 0.5;

    private final SweepSpec spec;
    private final Path out;
    private final Path dataRoot;
    private final Profile profile;
    private final Map<String, PuzzleSplits> dataSets = new HashMap<>();

    public SweepRunner(SweepSpec spec, Path out, Path dataRoot) {
        this.spec = spec;
        this.out = out;
        this.dataRoot = dataRoot;
        this.profile = spec.parsedProfile();
    }

    /** Trains what is missing of this shard's cells, then writes the tables for all finished cells. */
    public SweepOutcome run(Shard shard, SweepListener listener, PrintStream log) {
        List<SweepCell> cells = spec.cells();
        AtomicFiles.writeString(out.resolve("spec.json"), Json.write(spec));
        int total = 0;
        for (int i = 0; i < cells.size(); i++) if (shard.owns(i)) total++;
        int trained = 0, resumed = 0, cached = 0, position = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (!shard.owns(i)) continue;
            position++;
            SweepCell cell = cells.get(i);
            Path folder = folderOf(cell);
            String how;
            CellResult r = finished(cell, folder);
            if (r != null) {
                how = "cached";
                cached++;
            } else {
                boolean resume = Files.exists(folder.resolve(TrainingRun.MANIFEST));
                if (log != null) log.printf(Locale.ROOT, "[%d/%d] %s: %s%n", position, total, folder.getFileName(),
                        resume ? "resuming" : "training " + cell.train().maxSteps() + " steps");
                r = train(cell, folder, resume);
                how = resume ? "resumed" : "trained";
                if (resume) resumed++;
                else trained++;
            }
            if (log != null) log.printf(Locale.ROOT, "[%d/%d] %s: %s, held-out exact %.3f, cell %.3f (%d puzzles)%n",
                    position, total, r.folder(), how, r.exactAccuracy(), r.cellAccuracy(), r.testPuzzles());
            listener.finished(position, total, r, how);
        }
        SweepOutcome outcome = collect(trained, resumed, cached);
        SweepTable.write(out, spec, outcome.results());
        return outcome;
    }

    /** Every finished result of the spec in the output folder, trained by nobody now (for reports and notebooks). */
    public SweepOutcome collect() {
        return collect(0, 0, 0);
    }

    private SweepOutcome collect(int trained, int resumed, int cached) {
        List<CellResult> results = new ArrayList<>();
        int pending = 0;
        for (SweepCell cell : spec.cells()) {
            CellResult r = finished(cell, folderOf(cell));
            if (r == null) pending++;
            else results.add(r);
        }
        return new SweepOutcome(trained, resumed, cached, pending, results);
    }

    /** "done", "interrupted at step S" or "to do": what a run of this cell would do now. */
    public String state(SweepCell cell) {
        Path folder = folderOf(cell);
        if (finished(cell, folder) != null) return "done";
        if (Files.exists(folder.resolve(TrainingRun.MANIFEST)))
            return "interrupted at step " + TrainingRun.readManifest(folder).steps();
        return "to do";
    }

    /** The run folder of a cell (its name carries the cache key). */
    public Path folderOf(SweepCell cell) {
        return out.resolve(RUNS).resolve(cell.folderName(hashOf(cell)));
    }

    private String hashOf(SweepCell cell) {
        return cell.hash(profile.id(), data(cell.task()).sha256());
    }

    private PuzzleSplits data(String task) {
        return dataSets.computeIfAbsent(task, t -> PuzzleDataSets.loadOrBuild(t, profile, dataRoot));
    }

    /** The cell's result if its run finished; a result whose key differs from the cell's is an error, not a hit. */
    private CellResult finished(SweepCell cell, Path folder) {
        Path f = folder.resolve(RESULT);
        if (!Files.isRegularFile(f)) return null;
        CellResult r = Json.read(f, CellResult.class);
        String hash = hashOf(cell);
        if (!r.hash().equals(hash))
            throw new IllegalStateException(f + ": holds the result of config " + r.hash() + ", expected " + hash
                    + "; remove that folder");
        return r.grids().equals(cell.grids()) ? r : r.inGrids(cell.grids());
    }

    private CellResult train(SweepCell cell, Path folder, boolean resume) {
        PuzzleSplits data = data(cell.task());
        TrainingRun run;
        if (resume) {
            RunManifest m = TrainingRun.readManifest(folder);
            if (!m.config().model().equals(cell.config()) || !m.config().train().equals(cell.train()) || m.seed() != cell.seed())
                throw new IllegalStateException(folder + ": holds a run of another config; remove that folder");
            run = TrainingRun.resume(folder, dataRoot, 0, -1);
        } else {
            // A folder without manifest is the leftover of a kill before the first checkpoint: start replaces it.
            run = TrainingRun.start(cell.config(), cell.train(), cell.task(), profile, cell.seed(), dataRoot, folder);
        }
        try (run) {
            Evaluation.Result e = TrainingWorkflow.trainEvaluateRecord(run, TrainingListener.NONE, null,
                    spec.testPuzzles(), THRESHOLD);
            RunManifest m = run.manifest();
            CellResult r = result(cell, folder, m, run.trainer().model().parameterCount(), e, run.resumes());
            AtomicFiles.writeString(folder.resolve(RESULT), Json.write(r));
            // The raw weights only serve a resume; a finished run keeps its EMA model (what evaluation reads).
            deleteTree(folder.resolve(TrainingRun.LIVE));
            return r;
        }
    }

    private CellResult result(SweepCell cell, Path folder, RunManifest m, long params, Evaluation.Result e, int resumes) {
        ModelConfig mc = cell.config();
        String mixer = mc instanceof TrmConfig t ? t.mixer().name() : cell.model();
        int n = mc instanceof TrmConfig t ? t.latentSteps() : 0;
        int tt = mc instanceof TrmConfig t ? t.recursions() : 0;
        int layers = mc instanceof TrmConfig t ? t.layers() : 0;
        return new CellResult(folder.getFileName().toString(), hashOf(cell), m.id(), cell.grids(), cell.task(),
                cell.model(), mixer, n, tt, mc.hiddenSize(), layers, mc.computeDepth(), cell.seed(), m.steps(),
                m.seconds(), params, e.exactAccuracy(), e.cellAccuracy(), e.adaptiveExact(), e.meanSteps(),
                e.puzzles(), resumes, m.code() == null ? "unknown" : m.code().commit());
    }

    private static void deleteTree(Path p) {
        try {
            AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p, e);
        }
    }
}
