package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.RatedSudokuFile;
import org.looplab.data.SudokuRating;
import org.looplab.provenance.Json;

/** The propagation rating's values, its order against backtracks, and halting records written before it existed. */
class DifficultyRatingTest {
    private static final boolean T = true, F = false;

    @Test
    void propagationOnlyPuzzlesRateByRoundsAndSearchRanksAboveThemAll() {
        assertEquals(1, DifficultyRating.value(new SudokuRating(0, 1, true)));
        assertEquals(9, DifficultyRating.value(new SudokuRating(0, 9, true)));
        // Not finished by singles: above any propagation-only puzzle, ordered by backtracks; its rounds do not count.
        assertEquals(DifficultyRating.SEARCH + 1, DifficultyRating.value(new SudokuRating(1, 4, false)));
        assertEquals(DifficultyRating.SEARCH + 5, DifficultyRating.value(new SudokuRating(5, 2, false)));
        assertTrue(DifficultyRating.value(new SudokuRating(0, 99, true)) < DifficultyRating.SEARCH);
        assertEquals(DifficultyRating.PROPAGATION, DifficultyRating.parse("Propagation"));
        assertThrows(IllegalArgumentException.class, () -> DifficultyRating.parse("givens"));
    }

    @Test
    void ratesTheRowsOfASudokuSet(@TempDir Path tmp) throws Exception {
        // Rounds 1, 2 and 1 (SudokuRatingTest's hand-checked puzzles); all need 0 backtracks.
        Path f = tmp.resolve("p.txt");
        Files.writeString(f, ".234341221434321\n.2..4..3.3.1....\n..34..1221434321\n");
        PuzzleDataSet set = RatedSudokuFile.read(f);
        int[] rounds = new int[3], backtracks = new int[3];
        for (int r = 0; r < 3; r++) {
            rounds[r] = DifficultyRating.PROPAGATION.of(set, r);
            backtracks[r] = DifficultyRating.BACKTRACKS.of(set, r);
        }
        assertArrayEquals(new int[] {1, 2, 1}, rounds);
        assertArrayEquals(new int[] {0, 0, 0}, backtracks);
    }

    @Test
    void mazesAreRatedByPathLengthAndNeverByBacktracks() {
        PuzzleDataSet mazes =
                PuzzleDataSets.build("maze9-unique", Profile.SMOKE).test();
        assertEquals(DifficultyRating.PATH_LENGTH, DifficultyRating.storedFor(mazes.kind()));
        assertEquals(DifficultyRating.PATH_LENGTH, DifficultyRating.parse("path-length"));
        for (int r = 0; r < Math.min(5, mazes.count()); r++) {
            // The stored value is the shortest path's length in moves: the label marks the cells between start and
            // goal, one fewer.
            int[] label = mazes.labelInts(r);
            int path = 0;
            for (int t : label) if (t == org.looplab.data.Maze.PATH) path++;
            assertEquals(path + 1, mazes.difficulty(r));
            assertEquals(mazes.difficulty(r), DifficultyRating.PATH_LENGTH.of(mazes, r));
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DifficultyRating.BACKTRACKS.of(mazes, 0));
        assertTrue(e.getMessage().contains("path-length"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DifficultyRating.PROPAGATION.check(mazes));
        PuzzleDataSet sudoku = PuzzleDataSets.build("sudoku4", Profile.SMOKE).test();
        assertEquals(DifficultyRating.BACKTRACKS, DifficultyRating.storedFor(sudoku.kind()));
        e = assertThrows(IllegalArgumentException.class, () -> DifficultyRating.PATH_LENGTH.of(sudoku, 0));
        assertTrue(e.getMessage().contains("sudoku4"), e.getMessage());
    }

    @Test
    void theClaimRecordsItsRatingAndOlderRecordsReadAsBacktracks() {
        float[] at1 = {0.9f, 0.9f}, at2 = {0.1f, 0.9f};
        List<PuzzleTrajectory> ps = List.of(
                new PuzzleTrajectory(0, 3, 9, at1, new boolean[] {T, T}, new int[2], new int[2]),
                new PuzzleTrajectory(1, 5, 9, at2, new boolean[] {F, T}, new int[2], new int[2]));
        HaltingStats s = new HaltingStats(
                "m", "d", org.looplab.model.HaltingRule.threshold(0.5), ps, DifficultyRating.PROPAGATION);
        HaltingClaim c = HaltingClaim.of(
                s,
                HaltingUnits.of(new org.looplab.model.TrmConfig(
                        64,
                        4,
                        4,
                        2,
                        org.looplab.model.Mixer.MLP,
                        org.looplab.model.PositionEncoding.NONE,
                        1,
                        1,
                        4,
                        2,
                        org.looplab.model.Backprop.FULL_RECURSION)));
        assertEquals("propagation", c.difficulty());
        assertTrue(c.lines().contains("difficulty_rating: propagation"), c.lines());
        assertEquals(1.0, c.spearman(), 1e-12);
        assertTrue(HaltingTables.perPuzzle(s).columnNames().contains(DifficultyRating.PROPAGATION.column()));
        // Rated by path length (a maze), the tables name it so and leave out the givens a maze does not have.
        HaltingStats maze = new HaltingStats(
                "m", "d", org.looplab.model.HaltingRule.threshold(0.5), ps, DifficultyRating.PATH_LENGTH);
        assertTrue(HaltingTables.byDifficulty(maze).columnNames().contains("path length"));
        assertTrue(!HaltingTables.byDifficulty(maze).columnNames().contains("givens"));
        assertTrue(!HaltingTables.perPuzzle(maze).columnNames().contains("givens"));
        assertTrue(HaltingTables.byDifficulty(s).columnNames().contains("givens"));
        // A record written before the field existed (the committed sudoku6 one) reads as rated by backtracks.
        String old = Json.write(c).replaceAll(",\\s*\"difficulty\"\\s*:\\s*\"propagation\"", "");
        assertTrue(!old.contains("\"difficulty\""), old);
        assertEquals("backtracks", Json.read(old, HaltingClaim.class, "old").difficulty());
        assertEquals(c, Json.read(Json.write(c), HaltingClaim.class, "new"));
    }
}
