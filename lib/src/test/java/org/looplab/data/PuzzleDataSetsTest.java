package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;

class PuzzleDataSetsTest {

    static PuzzleSplits sudoku4;
    static PuzzleSplits sudoku9;
    static PuzzleSplits maze11;

    @BeforeAll
    static void build() {
        sudoku4 = PuzzleDataSets.build("sudoku4", Profile.SMOKE);
        sudoku9 = PuzzleDataSets.build("sudoku9-hard", Profile.SMOKE);
        maze11 = PuzzleDataSets.build("maze11", Profile.SMOKE);
    }

    @Test
    void everyNamedSetBuildsWithItsSmokeCounts() {
        for (String name : PuzzleDataSets.NAMES) {
            DataSetSpec spec = PuzzleDataSets.spec(name, Profile.SMOKE);
            if (spec.kind() == PuzzleKind.ARC) continue; // counts are tasks, not rows: ArcFamilyTest
            PuzzleSplits s = name.equals("sudoku4")
                    ? sudoku4
                    : name.equals("sudoku9-hard")
                            ? sudoku9
                            : name.equals("maze11") ? maze11 : PuzzleDataSets.build(spec);
            assertEquals(spec.trainCount(), s.train().count(), name);
            assertEquals(spec.testCount(), s.test().count(), name);
            assertTrue(s.leakedTestRows().isEmpty(), name);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> PuzzleDataSets.spec("sudoku5", Profile.CPU));
        assertTrue(e.getMessage().contains("sudoku5") && e.getMessage().contains("sudoku9-hard"), e.getMessage());
        assertTrue(PuzzleDataSets.spec("sudoku9-hard", Profile.CPU).trainCount()
                > PuzzleDataSets.spec("sudoku9-hard", Profile.SMOKE).trainCount());
    }

    @Test
    void sudokuLabelsAreTheUniqueSolutionsAndHardMeansSearch() {
        for (PuzzleSplits s : new PuzzleSplits[] {sudoku4, sudoku9}) {
            for (PuzzleDataSet set : new PuzzleDataSet[] {s.train(), s.test()}) {
                SudokuShape shape = SudokuShape.ofSide(set.side());
                assertEquals(shape.vocab(), set.vocab());
                for (int i = 0; i < set.count(); i++) {
                    Sudoku puzzle = SudokuEncoding.decode(set.input(i), shape);
                    SudokuSolver.Result r = SudokuSolver.of(shape).solve(puzzle);
                    assertEquals(1, r.solutions());
                    assertArrayEquals(SudokuEncoding.encode(r.solution()), set.label(i));
                    assertEquals(r.backtracks(), set.difficulty(i));
                    assertEquals(0, set.puzzleIdentifier(i));
                    if (set.side() == 9) assertTrue(set.difficulty(i) >= PuzzleDataSets.SUDOKU9_HARD_MIN_BACKTRACKS);
                }
            }
        }
    }

    @Test
    void theHardNineByNineSetNeedsTwentyBacktracksEverywhere() {
        PuzzleSplits extreme = PuzzleDataSets.build("sudoku9-extreme", Profile.SMOKE);
        SudokuSolver solver = SudokuSolver.of(SudokuShape.ofSide(9));
        for (PuzzleDataSet set : new PuzzleDataSet[] {extreme.train(), extreme.test()})
            for (int i = 0; i < set.count(); i++) {
                SudokuSolver.Result r = solver.solve(SudokuEncoding.decode(set.input(i), SudokuShape.ofSide(9)));
                assertEquals(1, r.solutions());
                assertEquals(r.backtracks(), set.difficulty(i));
                assertTrue(r.backtracks() >= PuzzleDataSets.SUDOKU9_EXTREME_MIN_BACKTRACKS, "" + r.backtracks());
            }
    }

    @Test
    void mazeLabelsAreOptimalPaths() {
        PuzzleDataSet set = maze11.train();
        assertEquals(6, set.vocab());
        assertEquals(121, set.seqLen());
        for (int i = 0; i < set.count(); i++) {
            Maze m = new Maze(11, set.input(i));
            assertTrue(MazeRules.check(m, set.label(i)).optimal());
            assertEquals(MazeSolver.shortestLength(m).orElseThrow(), set.difficulty(i));
        }
    }

    @Test
    void noTestPuzzleAppearsInTrainUnderAnyAugmentation() {
        // Independent of the build's own check: augment test rows at random and look for them in train.
        Random random = new Random(5);
        for (PuzzleSplits s : new PuzzleSplits[] {sudoku4, sudoku9, maze11}) {
            Set<String> trainKeys = new HashSet<>();
            for (int i = 0; i < s.train().count(); i++) trainKeys.add(s.train().canonicalKey(i));
            PuzzleDataSet test = s.test();
            for (int i = 0; i < test.count(); i++) {
                var augmented = test.batch(new int[] {i}, random);
                byte[] row = new byte[test.seqLen()];
                for (int k = 0; k < row.length; k++) row[k] = (byte) augmented.inputs()[k];
                String key = test.kind() == PuzzleKind.SUDOKU
                        ? SudokuCanonical.key(SudokuEncoding.decode(row, SudokuShape.ofSide(test.side())))
                        : Maze.canonicalKey(row, test.side());
                assertEquals(test.canonicalKey(i), key, "the key does not change under augmentation");
                assertFalse(trainKeys.contains(key), s.manifest().name() + " test row " + i);
            }
        }
    }

    @Test
    void sameSeedSameHashOtherSeedOtherHash() {
        DataSetSpec spec = PuzzleDataSets.spec("sudoku4", Profile.SMOKE);
        assertEquals(sudoku4.sha256(), PuzzleDataSets.build(spec).sha256());
        assertEquals(
                sudoku4.train().contentHash(),
                PuzzleDataSets.build(spec).train().contentHash());
        assertNotEquals(
                sudoku4.sha256(), PuzzleDataSets.build(spec.withSeed(99)).sha256());
        DataSetSpec maze = PuzzleDataSets.spec("maze11", Profile.SMOKE);
        assertNotEquals(maze11.sha256(), PuzzleDataSets.build(maze.withSeed(12)).sha256());
    }

    @Test
    void eachProfileBuildsIntoItsOwnFolderSoSmokeNeverReplacesTheCpuSet(@TempDir Path dir) {
        assertEquals(dir.resolve("sudoku4"), PuzzleDataSets.folder(dir, "sudoku4", Profile.CPU));
        assertEquals(dir.resolve("sudoku4-smoke"), PuzzleDataSets.folder(dir, "sudoku4", Profile.SMOKE));
        assertEquals(dir.resolve("sudoku4-gpu"), PuzzleDataSets.folder(dir, "sudoku4", Profile.GPU));
        DataSetFolder.buildIfAbsent("sudoku4", Profile.SMOKE, dir);
        assertTrue(Files.isRegularFile(dir.resolve("sudoku4-smoke/manifest.json")));
        assertFalse(Files.exists(dir.resolve("sudoku4")));
    }

    @Test
    void writesLoadsAndRefusesAModifiedFile(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("sudoku4");
        sudoku4.write(folder);
        assertTrue(Files.isRegularFile(folder.resolve("manifest.json")));
        PuzzleSplits back = PuzzleSplits.load(folder);
        assertEquals(sudoku4.sha256(), back.sha256());
        assertEquals(sudoku4.train().contentHash(), back.train().contentHash());
        assertEquals(sudoku4.test().contentHash(), back.test().contentHash());
        assertEquals(PuzzleDataSets.spec("sudoku4", Profile.SMOKE), PuzzleDataSets.specOf(back));
        assertEquals("smoke", back.manifest().profile());
        assertEquals(4, back.manifest().seed());
        // numpy-readable arrays: uint8 [N, 16]
        NpyArray inputs = Npy.read(folder.resolve("train/inputs.npy"));
        assertEquals("|u1", inputs.dtype());
        assertArrayEquals(new long[] {sudoku4.train().count(), 16}, inputs.shape());
        // One flipped byte in one file: the load names that file.
        Path labels = folder.resolve("test/labels.npy");
        byte[] b = Files.readAllBytes(labels);
        b[b.length - 1] ^= 1;
        Files.write(labels, b);
        var e = assertThrows(IllegalArgumentException.class, () -> PuzzleSplits.load(folder));
        assertTrue(
                e.getMessage().startsWith(labels.toString()) && e.getMessage().contains("does not match"),
                e.getMessage());
        // buildIfAbsent rebuilds nothing when the folder is intact, and writes when it is missing.
        Path root = dir.resolve("data");
        PuzzleSplits first = DataSetFolder.buildIfAbsent("maze11", Profile.SMOKE, root);
        assertEquals(maze11.sha256(), first.sha256());
        assertEquals(
                maze11.sha256(),
                DataSetFolder.buildIfAbsent("maze11", Profile.SMOKE, root).sha256());
    }

    @Test
    void specsRoundTripThroughJsonAndUnknownKeysAreNamed() {
        for (String name : PuzzleDataSets.NAMES) {
            DataSetSpec spec = PuzzleDataSets.spec(name, Profile.CPU);
            assertEquals(
                    spec,
                    org.looplab.provenance.Json.read(org.looplab.provenance.Json.write(spec), DataSetSpec.class, name));
        }
        String json = org.looplab.provenance.Json.write(PuzzleDataSets.spec("maze11", Profile.CPU))
                .replace("\"loopFraction\"", "\"loopFractoin\" : 1, \"loopFraction\"");
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> org.looplab.provenance.Json.read(json, DataSetSpec.class, "spec.json"));
        assertTrue(e.getMessage().contains("loopFractoin"), e.getMessage());
        var bad = org.looplab.provenance.Json.write(PuzzleDataSets.spec("sudoku4", Profile.CPU))
                .replace("\"side\" : 4", "\"side\" : 5");
        var e2 = assertThrows(
                IllegalArgumentException.class,
                () -> org.looplab.provenance.Json.read(bad, DataSetSpec.class, "spec.json"));
        assertTrue(e2.getMessage().contains("side must be 4, 6 or 9, was 5"), e2.getMessage());
    }

    @Test
    void batchesArePlainArraysAndAugmentationKeepsValidity() {
        PuzzleDataSet set = sudoku9.train();
        int[] idx = {0, 3, 1};
        PuzzleDataSet.Batch plain = set.batch(idx);
        assertEquals(3, plain.size());
        assertEquals(81 * 3, plain.inputs().length);
        assertEquals(set.input(3)[5], plain.inputRows()[1][5]);
        assertEquals(set.label(1)[80], plain.labelsAsLongs()[2 * 81 + 80]);
        PuzzleDataSet.Batch aug = set.batch(idx, new Random(1));
        for (int b = 0; b < 3; b++) {
            byte[] x = new byte[81];
            byte[] y = new byte[81];
            for (int k = 0; k < 81; k++) {
                x[k] = (byte) aug.inputRows()[b][k];
                y[k] = (byte) aug.labelRows()[b][k];
            }
            Sudoku p = SudokuEncoding.decode(x, SudokuShape.NINE);
            Sudoku s = SudokuEncoding.decode(y, SudokuShape.NINE);
            assertTrue(SudokuRules.solves(s, p));
            assertEquals(s, SudokuSolver.of(SudokuShape.NINE).solve(p).solution());
        }
        assertFalse(java.util.Arrays.equals(plain.inputs(), aug.inputs()));
    }
}
