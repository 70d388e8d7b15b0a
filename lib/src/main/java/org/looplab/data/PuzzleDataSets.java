package org.looplab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.looplab.Profile;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.Json;

/**
 * The lab's named data sets and how they are built. Which sets exist, and their sizes per profile, is the catalogue
 * {@link PuzzleTask}; everything else, and so every byte, is fixed by the name and the seed.
 */
public final class PuzzleDataSets {
    private PuzzleDataSets() {}

    /** Every named set, the catalogue's order ({@link PuzzleTask}). */
    public static final List<String> NAMES = PuzzleTask.ids();

    /** Hard 9×9 means at least this many backtracks: search is needed, and more than one wrong guess. */
    public static final int SUDOKU9_HARD_MIN_BACKTRACKS = 3;

    /** The hard 9×9 set's floor: the puzzles a hard-9×9 model is judged on need at least this many backtracks. */
    public static final int SUDOKU9_EXTREME_MIN_BACKTRACKS = 20;

    public static DataSetSpec spec(String name, Profile profile) {
        return PuzzleTask.of(name).spec(profile);
    }

    /** Builds a named set in memory. */
    public static PuzzleSplits build(String name, Profile profile) {
        return build(spec(name, profile));
    }

    /**
     * Where a profile's build of a named set lives: {@code root/<name>} for the default cpu profile,
     * {@code root/<name>-smoke} or {@code root/<name>-gpu} otherwise, so a smoke test never replaces the cpu set that
     * shipped checkpoints were trained and evaluated on.
     */
    public static Path folder(Path root, String name, Profile profile) {
        return root.resolve(profile == Profile.CPU ? name : name + "-" + profile.id());
    }

    /** The spec a generated set was built from, read back from its manifest. */
    public static DataSetSpec specOf(PuzzleSplits splits) {
        try {
            return Json.mapper().treeToValue(splits.manifest().config(), DataSetSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    splits.manifest().name() + ": manifest config is not a DataSetSpec: " + e.getMessage(), e);
        }
    }

    private record Example(byte[] input, byte[] label, int difficulty, String key) {}

    private static final int BLOCK = 256;
    private static final int MAX_CANDIDATES_PER_EXAMPLE = 200;

    /**
     * Generates candidates by index (in parallel blocks, then taken in index order, so the result does not
     * depend on thread count); each goes to the split its class belongs to, skipping exact duplicates and
     * full splits. Checks before returning that no test row's class occurs in train.
     */
    public static PuzzleSplits build(DataSetSpec spec) {
        if (spec.generator() instanceof ArcFamilyConfig fc) return buildArcFamily(spec, fc);
        if (spec.generator() instanceof ArcFilesConfig files)
            throw new IllegalArgumentException(spec.name() + ": built from the public ARC task files; put them in "
                    + "<data root>/" + files.layout().folder() + "/training and .../evaluation, then run: looplab data "
                    + "build-arc --task " + spec.name() + " --profile "
                    + spec.profile().id());
        int side;
        int vocab;
        java.util.function.LongFunction<Example> make;
        if (spec.generator() instanceof SudokuGeneratorConfig sc) {
            SudokuGenerator gen = new SudokuGenerator(sc);
            side = sc.side();
            vocab = sc.shape().vocab();
            make = i -> {
                SudokuGenerator.Generated g = gen.generate(spec.seed(), i);
                return new Example(
                        SudokuEncoding.encode(g.puzzle()),
                        SudokuEncoding.encode(g.solution()),
                        (int) Math.min(Integer.MAX_VALUE, g.backtracks()),
                        SudokuCanonical.key(g.puzzle()));
            };
        } else if (spec.generator() instanceof MazeGeneratorConfig mc) {
            MazeGenerator gen = new MazeGenerator(mc);
            side = mc.size();
            vocab = Maze.VOCAB;
            make = i -> {
                MazeGenerator.Generated g = gen.generate(spec.seed(), i);
                return new Example(
                        g.maze().cells(),
                        g.label().cells(),
                        g.pathLength(),
                        g.maze().canonicalKey());
            };
        } else {
            throw new IllegalArgumentException(spec.name() + ": no builder for " + spec.generator());
        }
        int seqLen = side * side;
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        Set<String> seenTrain = new HashSet<>();
        Set<String> seenTest = new HashSet<>();
        long limit = (long) MAX_CANDIDATES_PER_EXAMPLE * (spec.trainCount() + spec.testCount());
        long next = 0;
        while (train.size() < spec.trainCount() || test.size() < spec.testCount()) {
            if (next >= limit) {
                throw new IllegalStateException(
                        spec.name() + ": only " + train.size() + " train and " + test.size() + " test examples after "
                                + next + " candidates; the generator makes too few distinct puzzles for these counts");
            }
            long from = next;
            // Block size never changes the result (candidates are used in index order, extras dropped), only speed.
            int missing = spec.trainCount() - train.size() + spec.testCount() - test.size();
            int size = Math.max(16, Math.min(BLOCK, 2 * missing));
            List<Example> block = IntStream.range(0, size)
                    .parallel()
                    .mapToObj(k -> make.apply(from + k))
                    .toList();
            next += size;
            for (Example e : block) {
                boolean toTest = isTestClass(e.key(), spec.testClassFraction());
                List<Example> split = toTest ? test : train;
                Set<String> seen = toTest ? seenTest : seenTrain;
                int want = toTest ? spec.testCount() : spec.trainCount();
                if (split.size() < want
                        && seen.add(new String(e.input(), java.nio.charset.StandardCharsets.ISO_8859_1))) {
                    split.add(e);
                }
            }
        }
        PuzzleKind kind = spec.kind();
        PuzzleDataSet trainSet = toSet(spec.name() + "/train", kind, side, vocab, seqLen, train);
        PuzzleDataSet testSet = toSet(spec.name() + "/test", kind, side, vocab, seqLen, test);
        List<String> notes = new ArrayList<>();
        notes.add("test holds only puzzle classes absent from train (class = equivalence under augmentation; "
                + (kind == PuzzleKind.SUDOKU
                        ? (SudokuCanonical.exact(SudokuShape.ofSide(side)) ? "exact canonical form" : "invariant hash")
                        : "minimum over 8 dihedral transforms")
                + ")");
        notes.add(
                "stored un-augmented; PuzzleDataSet.batch(indices, random) augments on the fly (reference stores 1000 copies)");
        if (kind == PuzzleKind.SUDOKU) notes.add("difficulty = solver backtracks over the full uniqueness search");
        if (kind == PuzzleKind.MAZE)
            notes.add(
                    "difficulty = shortest path length in steps; maze generator is LoopLab's own (Maze-Hard uses Lehnert et al. 2024)");
        if (spec.name().equals("sudoku4"))
            notes.add(
                    "4×4 minimal puzzles fall into only a few dozen classes, so splits repeat classes within themselves");
        PuzzleSplits splits = PuzzleSplits.of(
                spec.name(),
                "looplab",
                spec.profile().id(),
                spec.seed(),
                Json.mapper().valueToTree(spec),
                Map.of(),
                notes,
                trainSet,
                testSet,
                Map.of());
        List<Integer> leaked = splits.leakedTestRows();
        if (!leaked.isEmpty()) {
            throw new IllegalStateException(spec.name() + ": test rows " + leaked.subList(0, Math.min(5, leaked.size()))
                    + " are augmentations of train puzzles");
        }
        return splits;
    }

    /** The generated ARC-like family: training tasks, held-out tasks with other rules, versions, reference split. */
    private static PuzzleSplits buildArcFamily(DataSetSpec spec, ArcFamilyConfig fc) {
        ArcFamily.Tasks tasks = ArcFamily.generate(fc, spec.trainCount(), spec.testCount(), spec.seed());
        ArcDataSets.Built built = ArcDataSets.build(
                spec.name(),
                tasks.training(),
                tasks.evaluation(),
                new ArcDataSets.Options(new ArcCanvas(fc.canvas()), fc.augmentations(), fc.translate()),
                spec.seed(),
                Map.of(),
                Json.mapper().valueToTree(spec),
                spec.profile().id());
        List<Integer> leaked = ArcDataSets.leakedTestRows(built.splits());
        if (!leaked.isEmpty())
            throw new IllegalStateException(spec.name() + ": test rows " + leaked.subList(0, Math.min(5, leaked.size()))
                    + " hold a pair that is also a training example");
        return built.splits();
    }

    /**
     * A catalogue ARC set from the public task files in {@code folder} ({@code training/}, {@code evaluation/}): the
     * first {@code trainCount} training and {@code testCount} evaluation tasks by file name.
     */
    public static PuzzleSplits buildArcFiles(DataSetSpec spec, java.nio.file.Path folder) {
        if (!(spec.generator() instanceof ArcFilesConfig files))
            throw new IllegalArgumentException(spec.name() + ": not built from ARC task files");
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        List<ArcTask> training = firstTasks(
                ArcDataSets.readTasks(folder, "training", sources), spec.trainCount(), folder.resolve("training"));
        List<ArcTask> evaluation = firstTasks(
                ArcDataSets.readTasks(folder, "evaluation", sources), spec.testCount(), folder.resolve("evaluation"));
        ArcDataSets.Built built = ArcDataSets.build(
                spec.name(),
                training,
                evaluation,
                new ArcDataSets.Options(ArcCanvas.REFERENCE, files.augmentations(), files.translate()),
                spec.seed(),
                sources,
                Json.mapper().valueToTree(spec),
                spec.profile().id());
        return built.splits();
    }

    private static List<ArcTask> firstTasks(List<ArcTask> tasks, int count, java.nio.file.Path folder) {
        if (tasks.size() < count)
            throw new IllegalArgumentException(folder + ": holds " + tasks.size() + " tasks, this set needs " + count);
        return tasks.subList(0, count);
    }

    /** A class belongs to test when its key's hash falls in the first {@code fraction} of the range. */
    static boolean isTestClass(String key, double fraction) {
        long h = Long.parseUnsignedLong(
                ContentHash.of(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 12),
                16);
        return h < fraction * (1L << 48);
    }

    private static PuzzleDataSet toSet(
            String name, PuzzleKind kind, int side, int vocab, int seqLen, List<Example> examples) {
        byte[] inputs = new byte[examples.size() * seqLen];
        byte[] labels = new byte[examples.size() * seqLen];
        int[] difficulty = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(examples.get(i).input(), 0, inputs, i * seqLen, seqLen);
            System.arraycopy(examples.get(i).label(), 0, labels, i * seqLen, seqLen);
            difficulty[i] = examples.get(i).difficulty();
        }
        // Sudoku and mazes share one puzzle identifier (0), as in the reference.
        return new PuzzleDataSet(name, kind, side, vocab, seqLen, inputs, labels, difficulty, new int[examples.size()]);
    }
}
