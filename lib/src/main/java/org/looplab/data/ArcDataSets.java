package org.looplab.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * An ARC data set in the reference layout (TRM paper's builder, its ARC data section): every task gets its original
 * version plus up to {@code augmentations} distinct random {@link ArcAugment} versions, each with its own puzzle
 * identifier (0 is left blank, as in the reference). Train holds every demonstration pair of every version, of
 * training and evaluation tasks alike, and the test pairs of training tasks; test holds the test pairs of evaluation
 * tasks, every version (for voting after inverting the augmentation). That folding of evaluation demonstrations into
 * training is the reference's own choice (test-time training). With {@code translate}, every training example but
 * one per version sits at a random offset in the canvas, as in the reference; test examples sit at the top-left.
 * Which task and augmentation each identifier stands for travels with the set ({@link ArcVersions}).
 */
public final class ArcDataSets {
    private ArcDataSets() {}

    /**
     * How versions are made and placed.
     *
     * @param canvas        canvas (reference: 30×30)
     * @param augmentations extra versions per task (reference: 1000)
     * @param translate     random offsets for training examples (reference: yes)
     */
    public record Options(ArcCanvas canvas, int augmentations, boolean translate) {
        public Options {
            if (augmentations < 0)
                throw new IllegalArgumentException("augmentations must be >= 0, was " + augmentations);
        }

        public static Options reference(int augmentations) {
            return new Options(ArcCanvas.REFERENCE, augmentations, true);
        }
    }

    /** The data set and its version table (also attached to the set). */
    public record Built(PuzzleSplits splits, ArcVersions table) {
        public List<ArcVersions.Version> versions() {
            return table.versions();
        }
    }

    /** Task files of {@code folder} and their hashes, keyed by path relative to {@code root}. */
    public static List<ArcTask> readTasks(Path root, String folder, Map<String, String> sources) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException(
                    dir + ": missing; put the public ARC tasks in " + root + "/training and " + root + "/evaluation");
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".json"))
                    .sorted()
                    .forEach(p -> sources.put(root.relativize(p).toString(), ContentHash.of(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list", e);
        }
        return ArcTasks.readFolder(dir);
    }

    /**
     * Reads {@code root/training} and {@code root/evaluation} (the ARC-AGI repositories' {@code data/} layout) and
     * builds an ad-hoc set (not a catalogue entry: its manifest's config is the options, not a spec).
     */
    public static Built build(String name, Path root, Options options, long seed) {
        Map<String, String> sources = new LinkedHashMap<>();
        List<ArcTask> training = readTasks(root, "training", sources);
        List<ArcTask> evaluation = readTasks(root, "evaluation", sources);
        return build(
                name,
                training,
                evaluation,
                options,
                seed,
                sources,
                adHocConfig(training, evaluation, options, seed),
                "any");
    }

    /** An ad-hoc set on the reference canvas without translation (the layout the first ARC sets had). */
    public static Built build(
            String name,
            List<ArcTask> training,
            List<ArcTask> evaluation,
            int augmentations,
            long seed,
            Map<String, String> sources) {
        Options o = new Options(ArcCanvas.REFERENCE, augmentations, false);
        return build(name, training, evaluation, o, seed, sources, adHocConfig(training, evaluation, o, seed), "any");
    }

    /**
     * The set, with {@code config} as its manifest's config (a catalogue spec, or the options of an ad-hoc build).
     */
    public static Built build(
            String name,
            List<ArcTask> training,
            List<ArcTask> evaluation,
            Options options,
            long seed,
            Map<String, String> sources,
            JsonNode config,
            String profile) {
        ArcCanvas canvas = options.canvas();
        List<ArcVersions.Version> versions = new ArrayList<>();
        Rows train = new Rows(), test = new Rows();
        List<Integer> testPairs = new ArrayList<>();
        List<ArcTask> all = new ArrayList<>(training);
        all.addAll(evaluation);
        Set<String> ids = new HashSet<>();
        for (int t = 0; t < all.size(); t++) {
            ArcTask task = all.get(t);
            if (!ids.add(task.id())) throw new IllegalArgumentException(name + ": two tasks named " + task.id());
            boolean isEvaluation = t >= training.size();
            for (ArcAugment a : augments(task, options.augmentations(), seed)) {
                int id = versions.size() + 1;
                versions.add(new ArcVersions.Version(id, task.id(), a));
                ArcTask v = a.apply(task);
                List<ArcTask.Pair> trainPairs = new ArrayList<>(v.train());
                for (int k = 0; k < v.test().size(); k++) {
                    ArcTask.Pair p = v.test().get(k);
                    if (!p.hasOutput()) continue; // challenge files without solutions cannot be labels
                    if (isEvaluation) {
                        test.add(canvas, p, 0, 0, id, task.id());
                        testPairs.add(k);
                    } else trainPairs.add(p);
                }
                Random random = Seeds.random(seed, "arc/translate/" + task.id() + "/" + id);
                int kept = trainPairs.isEmpty()
                        ? -1
                        : random.nextInt(trainPairs.size()); // this one stays at the top-left, as in the reference
                for (int k = 0; k < trainPairs.size(); k++) {
                    ArcTask.Pair p = trainPairs.get(k);
                    int top = 0, left = 0;
                    if (options.translate() && k != kept) {
                        int rows = Math.max(p.input().rows(), p.output().rows());
                        int cols = Math.max(p.input().cols(), p.output().cols());
                        top = random.nextInt(Math.max(1, canvas.side() - rows + 1));
                        left = random.nextInt(Math.max(1, canvas.side() - cols + 1));
                    }
                    train.add(canvas, p, top, left, id, task.id());
                }
            }
        }
        ArcVersions table = new ArcVersions(
                versions, testPairs.stream().mapToInt(Integer::intValue).toArray());
        List<String> notes = new ArrayList<>(List.of(
                "reference split: all demonstration pairs (evaluation tasks too) train; evaluation test pairs test",
                "puzzle identifier = (task, augmentation) version; 0 unused; " + ArcVersions.VERSIONS + " says which, "
                        + ArcVersions.TEST_PAIRS + " which test pair each test row is",
                options.translate()
                        ? "training examples, all but one per version, at a random offset in the canvas (reference)"
                        : "DEVIATION: no random translation of training grids (reference translates them)",
                "difficulty unknown (-1)"));
        if (canvas.side() != ArcEncoding.SIDE)
            notes.add("DEVIATION: " + canvas.side() + "×" + canvas.side() + " canvas (reference 30×30)");
        PuzzleSplits splits = PuzzleSplits.of(
                name,
                "looplab",
                profile,
                seed,
                config,
                sources,
                notes,
                train.toSet(name + "/train", canvas),
                test.toSet(name + "/test", canvas),
                table.files());
        return new Built(splits, table);
    }

    /**
     * The identity, then up to {@code augmentations} random distinct versions of {@code task} (a symmetric task has
     * fewer than 8·9! distinct ones; the reference also caps its tries).
     */
    static List<ArcAugment> augments(ArcTask task, int augmentations, long seed) {
        Random random = Seeds.random(seed, "arc/" + task.id());
        Set<ArcTask> seen = new HashSet<>();
        List<ArcAugment> out = new ArrayList<>(List.of(ArcAugment.identity()));
        seen.add(task);
        for (int tries = 0; out.size() <= augmentations && tries < 5 * (augmentations + 1); tries++) {
            ArcAugment a = ArcAugment.random(random);
            if (seen.add(a.apply(task))) out.add(a);
        }
        return out;
    }

    /**
     * Test rows whose (input, output) pair is also a training example, compared by content hash after moving every
     * training example back to the top-left (training examples may be translated). The reference split must give none.
     */
    public static List<Integer> leakedTestRows(PuzzleSplits splits) {
        PuzzleDataSet train = splits.train(), test = splits.test();
        ArcCanvas canvas = new ArcCanvas((int) Math.round(Math.sqrt(train.seqLen())));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < train.count(); i++) {
            byte[] in = train.input(i);
            int[] at = canvas.corner(in).orElseThrow(() -> new IllegalStateException("train row has no grid"));
            seen.add(pairHash(canvas, in, train.label(i), at[0], at[1]));
        }
        List<Integer> leaked = new ArrayList<>();
        for (int i = 0; i < test.count(); i++)
            if (seen.contains(pairHash(canvas, test.input(i), test.label(i), 0, 0))) leaked.add(i);
        return leaked;
    }

    /** SHA-256 of a placed pair as it would sit at the top-left: its identity whatever its offset. */
    static String pairHash(ArcCanvas canvas, byte[] input, byte[] label, int top, int left) {
        byte[] a = canvas.encode(canvas.decode(input, top, left).orElseThrow(), 0, 0);
        byte[] b = canvas.encode(canvas.decode(label, top, left).orElseThrow(), 0, 0);
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return ContentHash.of(both);
    }

    private static ObjectNode adHocConfig(
            List<ArcTask> training, List<ArcTask> evaluation, Options options, long seed) {
        ObjectNode config = Json.mapper().createObjectNode();
        config.put("type", "arc");
        config.put("trainingTasks", training.size());
        config.put("evaluationTasks", evaluation.size());
        config.put("canvas", options.canvas().side());
        config.put("augmentations", options.augmentations());
        config.put("translate", options.translate());
        config.put("seed", seed);
        return config;
    }

    /** Encoded examples of one split, in order. */
    private static final class Rows {
        final List<byte[]> in = new ArrayList<>(), out = new ArrayList<>();
        final List<Integer> ids = new ArrayList<>();

        void add(ArcCanvas canvas, ArcTask.Pair p, int top, int left, int id, String task) {
            try {
                in.add(canvas.encode(p.input(), top, left));
                out.add(canvas.encode(p.output(), top, left));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("task " + task + ": " + e.getMessage(), e);
            }
            ids.add(id);
        }

        PuzzleDataSet toSet(String name, ArcCanvas canvas) {
            int n = in.size(), len = canvas.seqLen();
            byte[] inputs = new byte[n * len], labels = new byte[n * len];
            for (int i = 0; i < n; i++) {
                System.arraycopy(in.get(i), 0, inputs, i * len, len);
                System.arraycopy(out.get(i), 0, labels, i * len, len);
            }
            int[] difficulty = new int[n];
            Arrays.fill(difficulty, -1);
            return new PuzzleDataSet(
                    name,
                    PuzzleKind.ARC,
                    0,
                    ArcCanvas.VOCAB,
                    len,
                    inputs,
                    labels,
                    difficulty,
                    ids.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
