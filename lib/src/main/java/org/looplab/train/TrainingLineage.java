package org.looplab.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.looplab.model.Checkpoint;
import org.looplab.provenance.Json;
import org.looplab.provenance.RunFolder;

/**
 * A model trained in stages, each a warm start from the weights of the stage before (the shipped 9×9 model: 12,000
 * steps, then 36,000 more, then 6,000 with a decaying rate): its stages in the order they trained, found by following
 * each run manifest's warm-start line ({@link WarmStart#recordedIn}) back to a run that started from scratch, and
 * their metrics joined on one axis of steps and training seconds, so its held-out curve can stand beside a run that
 * trained in one piece.
 * <p>
 * Each stage's weights must still be the ones the next stage started from (the params hash the warm start recorded):
 * a source retrained since is an error naming both hashes, never a curve joined to the wrong run.
 *
 * @param stages run folders, first stage first
 */
public record TrainingLineage(List<Path> stages) {

    /** Longer chains are taken for a cycle of warm starts (a folder that names itself, through others). */
    private static final int MAX_STAGES = 64;

    public TrainingLineage {
        if (stages.isEmpty()) throw new IllegalArgumentException("a lineage has at least one stage");
        stages = List.copyOf(stages);
    }

    /**
     * The lineage ending in {@code folder} (a run or checkpoint folder with a manifest).
     *
     * @param root where the warm-start sources' recorded paths resolve: the folder the training commands ran in (the
     *             repository root for the shipped checkpoints; {@code ..} from a notebook)
     */
    public static TrainingLineage of(Path folder, Path root) {
        List<Path> chain = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Path current = folder;
        while (true) {
            if (!seen.add(current.toAbsolutePath().normalize()) || chain.size() == MAX_STAGES) {
                throw new IllegalArgumentException(folder + ": its warm starts form a cycle (" + current + " again)");
            }
            chain.add(current);
            RunManifest manifest = RunManifest.read(RunFolder.of(current));
            Optional<WarmStart> from = WarmStart.recordedIn(manifest.deviations());
            if (from.isEmpty()) break;
            Path source = root.resolve(from.get().source()).normalize();
            String found = paramsSha256(source);
            if (!found.equals(from.get().paramsSha256())) {
                throw new IllegalArgumentException(current + " started from " + source + " with params sha256 "
                        + from.get().paramsSha256() + ", but " + source + " now holds " + found
                        + ": it was trained again since, so the two are not one lineage");
            }
            current = source;
        }
        Collections.reverse(chain);
        return new TrainingLineage(chain);
    }

    /**
     * Every stage's metrics lines, each stage's steps and seconds counted on from where the stage before ended (its
     * last line), so the last line's step and seconds are the lineage's totals.
     */
    public List<TrainingMetrics> history() {
        List<TrainingMetrics> joined = new ArrayList<>();
        for (StageLines stage : joinedStages()) joined.addAll(stage.lines());
        return joined;
    }

    /**
     * The lineage's held-out checks in training order: each on the held-out puzzles of its own stage's data set (a
     * curriculum's stages check on different sets, so every point names its set).
     */
    public List<HeldOutPoint> heldOutCurve() {
        List<HeldOutPoint> points = new ArrayList<>();
        for (StageLines stage : joinedStages()) {
            for (TrainingMetrics m : stage.lines()) {
                if (Double.isNaN(m.evalExact())) continue;
                points.add(new HeldOutPoint(
                        stage.number(), stage.data(), m.step(), m.seconds() / 3600, m.evalExact(), m.evalCell()));
            }
        }
        return points;
    }

    /** One stage's metrics, already on the lineage's axis. */
    private record StageLines(int number, String data, List<TrainingMetrics> lines) {}

    /** The one walk over the stages that offsets each stage's steps and seconds by those of the stages before. */
    private List<StageLines> joinedStages() {
        List<StageLines> out = new ArrayList<>();
        long stepsBefore = 0;
        double secondsBefore = 0;
        for (int i = 0; i < stages.size(); i++) {
            RunFolder folder = RunFolder.of(stages.get(i));
            List<TrainingMetrics> own = new MetricsLog(folder.metrics()).history();
            List<TrainingMetrics> shifted = new ArrayList<>(own.size());
            for (TrainingMetrics m : own) shifted.add(shifted(m, stepsBefore, secondsBefore));
            out.add(new StageLines(i + 1, RunManifest.read(folder).data().name(), shifted));
            if (!own.isEmpty()) {
                stepsBefore += own.get(own.size() - 1).step();
                secondsBefore += own.get(own.size() - 1).seconds();
            }
        }
        return out;
    }

    /**
     * One held-out check of a lineage.
     *
     * @param stage 1 for the first stage
     * @param data  the data set whose held-out puzzles it checked
     * @param step  optimiser steps of the whole lineage so far
     * @param hours training hours of the whole lineage so far (one libtorch thread on the cpu profile: CPU-hours)
     */
    public record HeldOutPoint(int stage, String data, long step, double hours, double exact, double cell) {}

    private static TrainingMetrics shifted(TrainingMetrics m, long steps, double seconds) {
        return new TrainingMetrics(
                m.step() + steps,
                m.seconds() + seconds,
                m.learningRate(),
                m.loss(),
                m.answerLoss(),
                m.haltLoss(),
                m.continueLoss(),
                m.trainExact(),
                m.haltedExact(),
                m.haltedSteps(),
                m.evalExact(),
                m.evalCell(),
                m.skipped());
    }

    private static String paramsSha256(Path source) {
        Path config = RunFolder.of(source).checkpoint().resolve(Checkpoint.CONFIG_FILE);
        return Json.read(config, Checkpoint.Manifest.class).paramsSha256();
    }
}
