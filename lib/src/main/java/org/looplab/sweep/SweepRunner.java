package org.looplab.sweep;

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
import java.util.function.Predicate;
import org.looplab.Profile;
import org.looplab.analysis.Evaluation;
import org.looplab.analysis.TrainingWorkflow;
import org.looplab.data.DataSetFolder;
import org.looplab.data.PuzzleSplits;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Mixer;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.Json;
import org.looplab.train.ModelFamily;
import org.looplab.train.RunLock;
import org.looplab.train.RunManifest;
import org.looplab.train.TrainingListener;
import org.looplab.train.TrainingRun;

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
        this.profile = spec.profile();
    }

    /** Trains what is missing of this shard's cells, then writes the tables for all finished cells. */
    public SweepOutcome run(Shard shard, SweepListener listener, PrintStream log) {
        return run(shard, listener, null, log);
    }

    /**
     * As {@link #run(Shard, SweepListener, PrintStream)}, stoppable: once {@code stop} is raised (SIGTERM), the cell
     * in training stops at its next metrics line with a checkpoint and {@link StopRequest.Stopped} is thrown; the
     * same command run again resumes that cell exactly and goes on with the rest.
     */
    public SweepOutcome run(Shard shard, SweepListener listener, StopRequest stop, PrintStream log) {
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
                if (log != null)
                    log.printf(
                            Locale.ROOT,
                            "[%d/%d] %s: %s%n",
                            position,
                            total,
                            folder.getFileName(),
                            resume ? "resuming" : "training " + cell.train().maxSteps() + " steps");
                try (CellLock lock = CellLock.take(folder, CellLock.Holder.current(null), h -> false, log)) {
                    r = train(cell, folder, resume, stop == null ? TrainingListener.NONE : stop, lock);
                }
                how = resume ? "resumed" : "trained";
                if (resume) resumed++;
                else trained++;
            }
            if (log != null)
                log.printf(
                        Locale.ROOT,
                        "[%d/%d] %s: %s, held-out exact %.3f, cell %.3f (%d puzzles)%n",
                        position,
                        total,
                        r.folder(),
                        how,
                        r.exactAccuracy(),
                        r.cellAccuracy(),
                        r.testPuzzles());
            listener.finished(position, total, r, how);
        }
        SweepOutcome outcome = collect(trained, resumed, cached);
        SweepTable.write(out, spec, outcome.results());
        return outcome;
    }

    /**
     * Runs one cell, as one array task of a scheduler does ({@code looplab sweep --cell HASH}): returns its result
     * if it has one, else takes the cell's {@link CellLock} and trains it, or resumes it from its checkpoint.
     * Writes no tables (the collect step does, once every task has ended).
     *
     * @param me    who takes the lock (the scheduler's job id)
     * @param ended whether another holder's job has ended, so that its lock is stale
     * @param stop  a stop request (SIGTERM): training then stops at the next metrics line with a checkpoint, and
     *              {@link StopRequest.Stopped} is thrown
     */
    public CellResult runCell(
            SweepCell cell, CellLock.Holder me, Predicate<CellLock.Holder> ended, StopRequest stop, PrintStream log) {
        Path folder = folderOf(cell);
        CellResult r = finished(cell, folder);
        if (r == null) {
            try (CellLock lock = CellLock.take(folder, me, ended, log)) {
                r = finished(cell, folder); // the lock's previous holder may have finished it meanwhile
                if (r == null) {
                    boolean resume = Files.exists(folder.resolve(TrainingRun.MANIFEST));
                    if (log != null)
                        log.printf(
                                Locale.ROOT,
                                "%s: %s (%s)%n",
                                folder.getFileName(),
                                resume
                                        ? "resuming at step "
                                                + TrainingRun.readManifest(folder)
                                                        .steps()
                                        : "training " + cell.train().maxSteps() + " steps",
                                me);
                    r = train(cell, folder, resume, stop, lock);
                }
            }
        }
        if (log != null)
            log.printf(
                    Locale.ROOT,
                    "%s: done, held-out exact %.3f, cell %.3f (%d puzzles)%n",
                    r.folder(),
                    r.exactAccuracy(),
                    r.cellAccuracy(),
                    r.testPuzzles());
        return r;
    }

    /** The spec's cell whose cache key starts with {@code hash} (at least the 10 hex digits of its folder name). */
    public SweepCell cell(String hash) {
        if (hash.length() < 10)
            throw new IllegalArgumentException("--cell needs at least 10 hex digits of the hash, was '" + hash + "'");
        List<SweepCell> hits =
                spec.cells().stream().filter(c -> hashOf(c).startsWith(hash)).toList();
        if (hits.size() != 1)
            throw new IllegalArgumentException("sweep " + spec.name() + ": " + (hits.isEmpty() ? "no" : hits.size())
                    + " cells with hash " + hash + (hits.isEmpty() ? " (was the spec edited since submission?)" : ""));
        return hits.get(0);
    }

    /** Every finished result of the spec in the output folder, trained by nobody now (for reports and notebooks). */
    public SweepOutcome collect() {
        return collect(0, 0, 0);
    }

    /** Writes {@code results.csv} and {@code results.json} of every finished cell, training nothing (a collect job). */
    public SweepOutcome tabulate() {
        SweepOutcome o = collect();
        SweepTable.write(out, spec, o.results());
        return o;
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

    /**
     * What a run of this cell would do now. A folder whose run lock is held is being trained by another process
     * (another shard, or a worker started by hand), so it is running, not interrupted, whatever its last checkpoint
     * says.
     */
    public CellState state(SweepCell cell) {
        Path folder = folderOf(cell);
        if (finished(cell, folder) != null) return new CellState(CellState.Phase.DONE, 0, false, null);
        java.util.Optional<String> writer = RunLock.holder(folder);
        boolean saved = Files.exists(folder.resolve(TrainingRun.MANIFEST));
        long step = saved ? TrainingRun.readManifest(folder).steps() : 0;
        if (writer.isPresent()) return new CellState(CellState.Phase.RUNNING, step, saved, writer.get());
        return new CellState(saved ? CellState.Phase.INTERRUPTED : CellState.Phase.TO_DO, step, saved, null);
    }

    /**
     * How many of the spec's cells stand where: {@code done}, {@code to do}, {@code interrupted}, {@code running}
     * (the {@link #state} of each, without its step and process), by name.
     */
    public java.util.SortedMap<String, Integer> stateCounts() {
        java.util.SortedMap<String, Integer> counts = new java.util.TreeMap<>();
        for (SweepCell cell : spec.cells()) counts.merge(state(cell).phase().label(), 1, Integer::sum);
        return counts;
    }

    /** The run folder of a cell (its name carries the cache key). */
    public Path folderOf(SweepCell cell) {
        return out.resolve(RUNS).resolve(cell.folderName(hashOf(cell)));
    }

    /** The cell's cache key ({@link SweepCell#hash}) in this runner's profile and data. */
    public String hashOf(SweepCell cell) {
        return cell.hash(profile.id(), data(cell.task()).sha256());
    }

    private PuzzleSplits data(String task) {
        return dataSets.computeIfAbsent(task, t -> DataSetFolder.buildIfAbsent(t, profile, dataRoot));
    }

    /** The cell's result if its run finished; a result whose key differs from the cell's is an error, not a hit. */
    public CellResult finished(SweepCell cell) {
        return finished(cell, folderOf(cell));
    }

    private CellResult finished(SweepCell cell, Path folder) {
        Path f = folder.resolve(RESULT);
        if (!Files.isRegularFile(f)) return null;
        CellResult r = Json.read(f, CellResult.class);
        String hash = hashOf(cell);
        if (!r.hash().equals(hash))
            throw new IllegalStateException(
                    f + ": holds the result of config " + r.hash() + ", expected " + hash + "; remove that folder");
        return r.grids().equals(cell.grids()) ? r : r.inGrids(cell.grids());
    }

    private CellResult train(SweepCell cell, Path folder, boolean resume, TrainingListener listener, CellLock lock) {
        PuzzleSplits data = data(cell.task());
        // Callers hold the cell's CellLock, which knows the scheduler's view (a requeued job, an ended one): a run lock
        // left by a process on another node (node failure, preemption) is theirs to clear, not a second writer.
        RunLock.releaseForeign(folder, lock::held);
        TrainingRun run;
        if (resume) {
            RunManifest m = TrainingRun.readManifest(folder);
            if (!m.config().model().equals(cell.config())
                    || !m.config().train().equals(cell.train())
                    || m.seed() != cell.seed())
                throw new IllegalStateException(folder + ": holds a run of another config; remove that folder");
            run = TrainingRun.resume(folder, dataRoot, 0, -1);
        } else {
            // A folder without manifest is the leftover of a kill before the first checkpoint: start replaces it.
            run = TrainingRun.start(
                    cell.config(), cell.train(), PuzzleTask.of(cell.task()), profile, cell.seed(), dataRoot, folder);
        }
        try (run) {
            Evaluation.Result e;
            try {
                e = TrainingWorkflow.trainEvaluateRecord(run, listener, null, spec.testPuzzles(), THRESHOLD);
            } catch (StopRequest.Stopped stopped) {
                run.save(); // keep every step trained so far: a requeued or resubmitted task resumes here exactly
                throw stopped;
            }
            RunManifest m = run.manifest();
            CellResult r = result(cell, folder, m, run.trainer().model().parameterCount(), e, run.resumes());
            AtomicFiles.writeString(folder.resolve(RESULT), Json.write(r));
            // The raw weights only serve a resume; a finished run keeps its EMA model (what evaluation reads).
            deleteTree(folder.resolve(TrainingRun.LIVE));
            return r;
        }
    }

    private CellResult result(
            SweepCell cell, Path folder, RunManifest m, long params, Evaluation.Result e, int resumes) {
        ModelConfig mc = cell.config();
        Mixer mixer = mc instanceof TrmConfig t ? t.mixer() : null;
        int n = mc instanceof TrmConfig t ? t.latentSteps() : 0;
        int tt = mc instanceof TrmConfig t ? t.recursions() : 0;
        int layers = mc instanceof TrmConfig t ? t.layers() : 0;
        return new CellResult(
                folder.getFileName().toString(),
                hashOf(cell),
                m.id(),
                cell.grids(),
                PuzzleTask.of(cell.task()),
                ModelFamily.of(cell.model()),
                mixer,
                n,
                tt,
                mc.hiddenSize(),
                layers,
                mc.computeDepth(),
                cell.seed(),
                m.steps(),
                m.seconds(),
                params,
                e.exactAccuracy(),
                e.cellAccuracy(),
                e.adaptiveExact(),
                e.meanSteps(),
                e.puzzles(),
                resumes,
                m.code().commit(),
                m.code().sources());
    }

    private static void deleteTree(Path p) {
        try {
            AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p, e);
        }
    }
}
