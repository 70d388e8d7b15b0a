package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;

/**
 * The catalogue keeps the sets that checkpoints and results were made on byte-identical, and the ladder really is
 * harder than the sets below it.
 */
class PuzzleTaskTest {

    /** Content hashes recorded by the committed checkpoints' and the ablation's run manifests (cpu profile). */
    @Test
    void theShippedSetsBuildToTheHashesTheCommittedRunsRecorded() {
        assertEquals(
                "ee84e6f9ff2e7bad055143b494db083b2cd0342e7d2516aea4cee3936c9e1365",
                PuzzleDataSets.build("sudoku4", Profile.CPU).sha256()); // data/checkpoints/trm-mlp-sudoku4
        assertEquals(
                "ca38b804deb27de3a412c815016bb8e4a39353059b07f1eaed45eb56e209cee8",
                PuzzleDataSets.build("sudoku6", Profile.CPU).sha256()); // data/checkpoints/trm-mlp-sudoku6
        assertEquals(
                "858568817581a6ea646d56fbd996d82db9d98c8164aa44068a390b88c35d686b",
                PuzzleDataSets.build("maze11", Profile.CPU).sha256()); // data/results/ablation
    }

    @Test
    void theOriginalSpecsAreUnchangedForEveryProfile() {
        for (Profile p : Profile.values()) {
            assertEquals(
                    old("sudoku4", p, new SudokuGeneratorConfig(4, 0, 0, 1), 4, 64, 32, 2000, 500, 10000, 1000),
                    PuzzleDataSets.spec("sudoku4", p));
            assertEquals(
                    old("sudoku6", p, new SudokuGeneratorConfig(6, 0, 0, 1), 6, 64, 32, 3000, 1000, 20000, 2000),
                    PuzzleDataSets.spec("sudoku6", p));
            assertEquals(
                    old("sudoku9-hard", p, SudokuGeneratorConfig.hard(9, 3), 9, 32, 16, 3000, 1000, 50000, 5000),
                    PuzzleDataSets.spec("sudoku9-hard", p));
            assertEquals(
                    old("maze11", p, MazeGeneratorConfig.hard(11), 11, 64, 32, 3000, 1000, 20000, 2000),
                    PuzzleDataSets.spec("maze11", p));
            assertEquals(
                    old("maze30-hard", p, MazeGeneratorConfig.hard(30), 30, 16, 8, 1000, 1000, 1000, 1000),
                    PuzzleDataSets.spec("maze30-hard", p));
        }
        assertEquals(
                List.of("sudoku4", "sudoku6", "sudoku9-hard", "maze11", "maze30-hard"),
                PuzzleDataSets.NAMES.subList(0, 5));
    }

    /**
     * The bigger 9×9 set shares sudoku9-mixed's generator and seed: its held-out puzzles are sudoku9-mixed's, row for
     * row, and its training set begins with all of sudoku9-mixed's, so a pilot over training-set size scores every
     * arm on the same puzzles and no held-out puzzle is trained on.
     */
    @Test
    void theBiggerMixedSetKeepsTheHeldOutPuzzlesAndExtendsTheTrainingSet() {
        PuzzleSplits mixed = PuzzleDataSets.build("sudoku9-mixed", Profile.SMOKE);
        PuzzleSplits bigger = PuzzleDataSets.build("sudoku9-mixed-30k", Profile.SMOKE);
        assertEquals(mixed.test().count(), bigger.test().count());
        for (int i = 0; i < mixed.test().count(); i++)
            assertArrayEquals(mixed.test().input(i), bigger.test().input(i), "held-out puzzle " + i);
        assertEquals(10 * mixed.train().count(), bigger.train().count());
        for (int i = 0; i < mixed.train().count(); i++)
            assertArrayEquals(mixed.train().input(i), bigger.train().input(i), "training puzzle " + i);
        assertEquals(List.of(), bigger.leakedTestRows());
    }

    private static byte[] toBytes(int[] tokens) {
        byte[] b = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) b[i] = (byte) tokens[i];
        return b;
    }

    /** How PuzzleDataSets built a spec before the catalogue. */
    private static DataSetSpec old(
            String name,
            Profile p,
            GeneratorConfig g,
            long seed,
            int smokeTrain,
            int smokeTest,
            int cpuTrain,
            int cpuTest,
            int gpuTrain,
            int gpuTest) {
        int train = p == Profile.SMOKE ? smokeTrain : p == Profile.CPU ? cpuTrain : gpuTrain;
        int test = p == Profile.SMOKE ? smokeTest : p == Profile.CPU ? cpuTest : gpuTest;
        return new DataSetSpec(name, p, g, train, test, seed, (double) test / (train + test));
    }

    @Test
    void theLadderIsHarderWhereItSaysSo() {
        // sudoku6-hard: every puzzle needs search; sudoku9-mixed: some need none, some need search.
        PuzzleSplits six = PuzzleDataSets.build("sudoku6-hard", Profile.SMOKE);
        for (int i = 0; i < six.train().count(); i++) assertTrue(six.train().difficulty(i) >= 1, "row " + i);
        PuzzleSplits nine = PuzzleDataSets.build("sudoku9-mixed", Profile.SMOKE);
        int none = 0, search = 0;
        for (int i = 0; i < nine.train().count(); i++) {
            if (nine.train().difficulty(i) == 0) none++;
            else search++;
        }
        assertTrue(none > 0 && search > 0, none + " propagation-only, " + search + " needing search");
        // Mazes: the scaled Maze-Hard threshold grows with the side.
        for (String maze : List.of("maze15", "maze20", "maze25")) {
            PuzzleSplits m = PuzzleDataSets.build(maze, Profile.SMOKE);
            int side = m.train().side();
            int min = MazeGeneratorConfig.hardMinPathLength(side);
            for (int i = 0; i < m.train().count(); i++) assertTrue(m.train().difficulty(i) >= min, maze + " row " + i);
        }
        assertEquals(PuzzleTask.MAZE20, PuzzleTask.of(" Maze20 "));
        // The unique-path mazes: one shortest path each, so the label is the answer, not one of several.
        for (String maze : List.of("maze9-unique", "maze11-unique", "maze15-unique")) {
            PuzzleSplits m = PuzzleDataSets.build(maze, Profile.SMOKE);
            for (PuzzleDataSet set : List.of(m.train(), m.test())) {
                for (int i = 0; i < set.count(); i++) {
                    Maze in = new Maze(set.side(), toBytes(set.inputInts(i)));
                    assertEquals(1, MazeSolver.shortestPathCount(in), maze + " row " + i);
                }
            }
        }
    }
}
