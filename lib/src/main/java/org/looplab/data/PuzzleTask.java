package org.looplab.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.looplab.Profile;

/**
 * The catalogue of named data sets: each task owns its generator, its seed and its train/test sizes per profile, so
 * a name fixes every byte. The first five are the sets the shipped checkpoints and committed results were made on
 * (their specs, and so their content hashes, must never change); the rest are the laptop-scale difficulty ladder:
 * 9×9 Sudoku from propagation-only to search, harder 6×6, and mazes growing towards the size where
 * the MLP's token mixing should fail (paper §4.5: a position-by-position mixing matrix has no notion of locality).
 * Last come the ARC sets: LoopLab's generated ARC-like family and the two public releases.
 */
public enum PuzzleTask {
    SUDOKU4(
            "sudoku4",
            "4×4, minimal givens (the hardest 4×4 there is; propagation still solves all)",
            new SudokuGeneratorConfig(4, 0, 0, 1),
            4,
            new SplitSizes(64, 32, 2000, 500, 10000, 1000)),
    SUDOKU6(
            "sudoku6",
            "6×6 (2×3 boxes), minimal givens",
            new SudokuGeneratorConfig(6, 0, 0, 1),
            6,
            new SplitSizes(64, 32, 3000, 1000, 20000, 2000)),
    SUDOKU9_HARD(
            "sudoku9-hard",
            "9×9, minimal, >= 3 backtracks",
            SudokuGeneratorConfig.hard(9, PuzzleDataSets.SUDOKU9_HARD_MIN_BACKTRACKS),
            9,
            new SplitSizes(32, 16, 3000, 1000, 50000, 5000)),
    MAZE11(
            "maze11",
            "11×11, path >= 15 steps (scaled Maze-Hard rule)",
            MazeGeneratorConfig.hard(11),
            11,
            new SplitSizes(64, 32, 3000, 1000, 20000, 2000)),
    MAZE30_HARD(
            "maze30-hard",
            "30×30, path > 110 steps (Maze-Hard)",
            MazeGeneratorConfig.hard(30),
            30,
            new SplitSizes(16, 8, 1000, 1000, 1000, 1000)),
    // The ladder. Minimal 9×9 puzzles, unfiltered, span the range: about a third need no search (rated further by
    // propagation depth, SudokuRating), the rest 1 to a dozen or more backtracks.
    SUDOKU9_MIXED(
            "sudoku9-mixed",
            "9×9, minimal, any difficulty: propagation-only to search",
            SudokuGeneratorConfig.minimal(9),
            90,
            new SplitSizes(32, 16, 3000, 1000, 50000, 5000)),
    // 96% of minimal 6×6 puzzles need no search; this keeps the ~4% that do.
    SUDOKU6_HARD(
            "sudoku6-hard",
            "6×6, minimal, >= 1 backtrack",
            SudokuGeneratorConfig.hard(6, 1),
            60,
            new SplitSizes(32, 16, 3000, 1000, 20000, 2000)),
    MAZE15(
            "maze15",
            "15×15, path >= 28 steps (scaled Maze-Hard rule)",
            MazeGeneratorConfig.hard(15),
            15,
            new SplitSizes(32, 16, 3000, 1000, 20000, 2000)),
    MAZE20(
            "maze20",
            "20×20, path >= 49 steps (scaled Maze-Hard rule)",
            MazeGeneratorConfig.hard(20),
            20,
            new SplitSizes(16, 8, 2000, 500, 10000, 1000)),
    MAZE25(
            "maze25",
            "25×25, path >= 77 steps (scaled Maze-Hard rule)",
            MazeGeneratorConfig.hard(25),
            25,
            new SplitSizes(16, 8, 2000, 500, 10000, 1000)),
    // Mazes with exactly one shortest path (the sets above allow ties: 20–37% of their mazes have several shortest
    // paths, so their labels pick one arbitrarily and contradict themselves under rotation). The maze claims run on
    // these; 9×9 is the small end, where a 2-core CPU can train a mixer to convergence.
    MAZE9_UNIQUE(
            "maze9-unique",
            "9×9, path >= 10 steps, exactly one shortest path",
            MazeGeneratorConfig.hardUnique(9),
            1009,
            new SplitSizes(64, 32, 3000, 1000, 20000, 2000)),
    MAZE11_UNIQUE(
            "maze11-unique",
            "11×11, path >= 15 steps, exactly one shortest path",
            MazeGeneratorConfig.hardUnique(11),
            1011,
            new SplitSizes(64, 32, 3000, 1000, 20000, 2000)),
    MAZE15_UNIQUE(
            "maze15-unique",
            "15×15, path >= 28 steps, exactly one shortest path",
            MazeGeneratorConfig.hardUnique(15),
            1015,
            new SplitSizes(32, 16, 3000, 1000, 20000, 2000)),
    // The hard 9×9 set: the Sudoku-Extreme idea at laptop scale. Minimal puzzles that need >= 20 backtracks of our
    // solver are 0.3% of generated ones (sudoku9-mixed), so each costs about 0.2 s of one core to find. Sudoku-Extreme
    // averages 22 backtracks of tdoku, another solver, so the thresholds are comparable in spirit only.
    SUDOKU9_EXTREME(
            "sudoku9-extreme",
            "9×9, minimal, >= 20 backtracks (the hard 9×9 set)",
            SudokuGeneratorConfig.hard(9, PuzzleDataSets.SUDOKU9_EXTREME_MIN_BACKTRACKS),
            920,
            new SplitSizes(16, 8, 3000, 1000, 50000, 5000)),
    // sudoku9-mixed with ten times the training puzzles, for the training-set-size pilot. Same generator and seed:
    // candidates are taken in index order and a puzzle's class decides its split (with sudoku9-mixed's share of
    // classes reserved for test, not one of its own), so the held-out set is sudoku9-mixed's, puzzle for puzzle, and
    // its first 3,000 training puzzles are sudoku9-mixed's (PuzzleTaskTest).
    // A model trained on either is scored on the same held-out puzzles.
    SUDOKU9_MIXED_30K(
            "sudoku9-mixed-30k",
            "9×9, minimal, any difficulty: sudoku9-mixed with 10× the training puzzles",
            SudokuGeneratorConfig.minimal(9),
            90,
            new SplitSizes(320, 16, 30000, 1000, 500000, 5000),
            SUDOKU9_MIXED.sizes),
    // ARC. Counts are tasks (training, held-out); each task becomes (1 + augmentations) versions of all its pairs.
    // DEVIATION on smoke and cpu: a 10×10 canvas (reference 30×30) with grids of side 3-5, so a step costs a ninth.
    ARC_FAMILY(
            "arc-family",
            "ARC-like family: mirrors, rotations, recolourings, box fills, gravity, mirror tiling; held-out rules",
            p -> switch (p) {
                case SMOKE -> new ArcFamilyConfig(10, 3, 5, 3, 1, 2, true);
                case CPU -> new ArcFamilyConfig(10, 3, 5, 3, 1, 8, true);
                case GPU -> new ArcFamilyConfig(30, 3, 15, 3, 1, 100, true);
            },
            30,
            new SplitSizes(8, 4, 96, 32, 400, 160)),
    // The public releases, built by `looplab data build-arc --task arc-agi-1` from data/arc (ARC-AGI-1 repository's
    // data/ folder) or data/arc2. Reference: 1000 augmentations; cpu keeps 8 so the set fits in memory.
    ARC_AGI_1(
            "arc-agi-1",
            "ARC-AGI-1 public files (400 training, 400 evaluation tasks), reference split and augmentation",
            p -> new ArcFilesConfig(ArcFilesConfig.Layout.ARC_AGI_1, arcAugmentations(p), true),
            0,
            new SplitSizes(8, 4, 400, 400, 400, 400)),
    ARC_AGI_2(
            "arc-agi-2",
            "ARC-AGI-2 public files (1000 training, 120 evaluation tasks), reference split and augmentation",
            p -> new ArcFilesConfig(ArcFilesConfig.Layout.ARC_AGI_2, arcAugmentations(p), true),
            0,
            new SplitSizes(8, 4, 1000, 120, 1000, 120));

    private static int arcAugmentations(Profile p) {
        return switch (p) {
            case SMOKE -> 2;
            case CPU -> 8;
            case GPU -> 1000;
        };
    }

    /**
     * Train and test examples for each profile.
     */
    public record SplitSizes(int smokeTrain, int smokeTest, int cpuTrain, int cpuTest, int gpuTrain, int gpuTest) {
        public int train(Profile p) {
            return switch (p) {
                case SMOKE -> smokeTrain;
                case CPU -> cpuTrain;
                case GPU -> gpuTrain;
            };
        }

        public int test(Profile p) {
            return switch (p) {
                case SMOKE -> smokeTest;
                case CPU -> cpuTest;
                case GPU -> gpuTest;
            };
        }
    }

    private final String id;
    private final String description;
    private final Function<Profile, GeneratorConfig> generator;
    private final long seed;
    private final SplitSizes sizes;
    private final SplitSizes classShare; // whose train/test proportion sets the share of classes reserved for test

    PuzzleTask(String id, String description, GeneratorConfig generator, long seed, SplitSizes sizes) {
        this(id, description, p -> generator, seed, sizes, sizes);
    }

    /** A task that reserves {@code classShare}'s share of classes for test, so it keeps that task's test split. */
    PuzzleTask(
            String id,
            String description,
            GeneratorConfig generator,
            long seed,
            SplitSizes sizes,
            SplitSizes classShare) {
        this(id, description, p -> generator, seed, sizes, classShare);
    }

    /** A task whose generator differs by profile (ARC: canvas and number of augmentations). */
    PuzzleTask(
            String id, String description, Function<Profile, GeneratorConfig> generator, long seed, SplitSizes sizes) {
        this(id, description, generator, seed, sizes, sizes);
    }

    private PuzzleTask(
            String id,
            String description,
            Function<Profile, GeneratorConfig> generator,
            long seed,
            SplitSizes sizes,
            SplitSizes classShare) {
        this.id = id;
        this.description = description;
        this.generator = generator;
        this.seed = seed;
        this.sizes = sizes;
        this.classShare = classShare;
    }

    /** The name on the command line, in manifests and in folder names; also its JSON form. */
    @JsonValue
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public SplitSizes sizes() {
        return sizes;
    }

    /** The full spec for a profile: generator, seed, counts, and the share of puzzle classes reserved for test. */
    public DataSetSpec spec(Profile p) {
        int train = sizes.train(p), test = sizes.test(p);
        // Reserve for test the share of classes that test needs: then few candidates are generated in vain.
        double share = (double) classShare.test(p) / (classShare.train(p) + classShare.test(p));
        return new DataSetSpec(id, p, generator.apply(p), train, test, seed, share);
    }

    /** Sudoku, maze or ARC: what its generator makes (the same kind on every profile). */
    public PuzzleKind kind() {
        return PuzzleKind.of(generator.apply(Profile.CPU));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PuzzleTask::id).toList();
    }

    /** The task named {@code name}; an unknown name is an error listing the known ones. */
    @JsonCreator
    public static PuzzleTask of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (PuzzleTask t : values()) if (t.id.equals(n)) return t;
        throw new IllegalArgumentException("unknown data set '" + name + "'; known: " + String.join(", ", ids()));
    }
}
