package org.looplab.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.Json;
import org.looplab.provenance.Seeds;

/**
 * An ARC data set in the reference layout: every task gets its original version plus up to {@code augmentations}
 * distinct random {@link ArcAugment} versions, each with its own puzzle identifier (0 is left blank, as in the
 * reference). Train holds every demonstration pair of every version, of training and evaluation tasks alike,
 * and the test pairs of training tasks; test holds the test pairs of evaluation tasks, every version (for voting
 * after inverting the augmentation). That folding of evaluation demonstrations into training is the reference's
 * own choice (test-time training).
 *
 * <p>DEVIATION: no random translation inside the 30×30 canvas (the reference shifts training grids); grids sit at
 * the top-left, as the reference's test examples do.
 */
public final class ArcDataSets {
    private ArcDataSets() {}

    /** Per version: which task, which augmentation (for inverting predictions). */
    public record Version(int puzzleIdentifier, String task, ArcAugment augment) {}

    /** The data set and the table from puzzle identifier to (task, augmentation). */
    public record Built(PuzzleSplits splits, List<Version> versions) {}

    /**
     * Reads {@code root/training} and {@code root/evaluation} (the ARC-AGI repository's {@code data/} layout,
     * copied to {@code data/arc/}) and builds the set.
     */
    public static Built build(String name, Path root, int augmentations, long seed) {
        Path training = root.resolve("training");
        Path evaluation = root.resolve("evaluation");
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path folder : List.of(training, evaluation)) {
            if (!Files.isDirectory(folder))
                throw new IllegalArgumentException(folder + ": missing; put the public ARC tasks in " + root
                        + "/training and " + root + "/evaluation");
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .forEach(p -> sources.put(root.relativize(p).toString(), ContentHash.of(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(folder + ": cannot list", e);
            }
        }
        return build(
                name, ArcTasks.readFolder(training), ArcTasks.readFolder(evaluation), augmentations, seed, sources);
    }

    public static Built build(
            String name,
            List<ArcTask> training,
            List<ArcTask> evaluation,
            int augmentations,
            long seed,
            Map<String, String> sources) {
        if (augmentations < 0) throw new IllegalArgumentException("augmentations must be >= 0, was " + augmentations);
        List<Version> versions = new ArrayList<>();
        List<byte[]> trainIn = new ArrayList<>();
        List<byte[]> trainOut = new ArrayList<>();
        List<Integer> trainIds = new ArrayList<>();
        List<byte[]> testIn = new ArrayList<>();
        List<byte[]> testOut = new ArrayList<>();
        List<Integer> testIds = new ArrayList<>();
        List<ArcTask> all = new ArrayList<>(training);
        all.addAll(evaluation);
        for (int t = 0; t < all.size(); t++) {
            ArcTask task = all.get(t);
            boolean isEvaluation = t >= training.size();
            Random random = Seeds.random(seed, "arc/" + task.id());
            Set<ArcTask> seen = new HashSet<>();
            List<ArcAugment> augments = new ArrayList<>(List.of(ArcAugment.identity()));
            seen.add(task);
            // Distinct versions only; a symmetric task has fewer than 8·9! (the reference also caps its tries).
            for (int tries = 0; augments.size() <= augmentations && tries < 5 * (augmentations + 1); tries++) {
                ArcAugment a = ArcAugment.random(random);
                if (seen.add(a.apply(task))) augments.add(a);
            }
            for (ArcAugment a : augments) {
                int id = versions.size() + 1;
                versions.add(new Version(id, task.id(), a));
                ArcTask v = a.apply(task);
                for (ArcTask.Pair p : v.train()) add(p, id, trainIn, trainOut, trainIds, task.id());
                for (ArcTask.Pair p : v.test()) {
                    if (!p.hasOutput()) continue; // challenge files without solutions cannot be labels
                    if (isEvaluation) add(p, id, testIn, testOut, testIds, task.id());
                    else add(p, id, trainIn, trainOut, trainIds, task.id());
                }
            }
        }
        PuzzleDataSet train = toSet(name + "/train", trainIn, trainOut, trainIds);
        PuzzleDataSet test = toSet(name + "/test", testIn, testOut, testIds);
        ObjectNode config = Json.mapper().createObjectNode();
        config.put("type", "arc");
        config.put("trainingTasks", training.size());
        config.put("evaluationTasks", evaluation.size());
        config.put("augmentations", augmentations);
        config.put("seed", seed);
        config.put("puzzleIdentifiers", versions.size() + 1);
        PuzzleSplits splits = PuzzleSplits.of(
                name,
                "looplab",
                "any",
                seed,
                config,
                sources,
                List.of(
                        "reference split: all demonstration pairs (evaluation tasks too) train; evaluation test pairs test",
                        "puzzle identifier = (task, augmentation) version; 0 unused",
                        "DEVIATION: no random translation of training grids",
                        "difficulty unknown (-1)"),
                train,
                test);
        return new Built(splits, List.copyOf(versions));
    }

    private static void add(ArcTask.Pair p, int id, List<byte[]> in, List<byte[]> out, List<Integer> ids, String task) {
        try {
            in.add(ArcEncoding.encode(p.input()));
            out.add(ArcEncoding.encode(p.output()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task " + task + ": " + e.getMessage(), e);
        }
        ids.add(id);
    }

    private static PuzzleDataSet toSet(String name, List<byte[]> in, List<byte[]> out, List<Integer> ids) {
        int n = in.size();
        byte[] inputs = new byte[n * ArcEncoding.SEQ_LEN];
        byte[] labels = new byte[n * ArcEncoding.SEQ_LEN];
        for (int i = 0; i < n; i++) {
            System.arraycopy(in.get(i), 0, inputs, i * ArcEncoding.SEQ_LEN, ArcEncoding.SEQ_LEN);
            System.arraycopy(out.get(i), 0, labels, i * ArcEncoding.SEQ_LEN, ArcEncoding.SEQ_LEN);
        }
        int[] difficulty = new int[n];
        java.util.Arrays.fill(difficulty, -1);
        return new PuzzleDataSet(
                name,
                PuzzleKind.ARC,
                0,
                ArcEncoding.VOCAB,
                ArcEncoding.SEQ_LEN,
                inputs,
                labels,
                difficulty,
                ids.stream().mapToInt(Integer::intValue).toArray());
    }
}
