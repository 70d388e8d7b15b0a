package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MazeTest {

    @Test
    void hardThresholdScalesMazeHardPerCell() {
        assertEquals(111, MazeGeneratorConfig.hardMinPathLength(30), "Maze-Hard keeps length > 110");
        assertEquals(15, MazeGeneratorConfig.hardMinPathLength(11));
        assertEquals(10, MazeGeneratorConfig.hardMinPathLength(9));
    }

    @Test
    void generatedLabelsAreValidOptimalAndLongEnough() {
        for (int size : new int[] {9, 11, 15, 30}) {
            MazeGenerator gen = new MazeGenerator(MazeGeneratorConfig.hard(size));
            for (int i = 0; i < (size == 30 ? 5 : 30); i++) {
                MazeGenerator.Generated g = gen.generate(1, i);
                assertTrue(g.pathLength() >= MazeGeneratorConfig.hardMinPathLength(size));
                assertEquals(g.pathLength(), MazeSolver.shortestLength(g.maze()).orElseThrow());
                MazeRules.Verdict v = MazeRules.check(g.maze(), g.label().cells());
                assertTrue(v.valid() && v.optimal(), v.problem());
                assertEquals(g.maze(), g.label().withoutPath());
                int marks = 0;
                for (byte b : g.label().cells()) if (b == Maze.PATH) marks++;
                assertEquals(g.pathLength() - 1, marks, "path cells between start and goal");
            }
        }
        assertEquals(
                new MazeGenerator(MazeGeneratorConfig.hard(11)).generate(4, 4).maze(),
                new MazeGenerator(MazeGeneratorConfig.hard(11)).generate(4, 4).maze());
        assertNotEquals(
                new MazeGenerator(MazeGeneratorConfig.hard(11)).generate(4, 4).maze(),
                new MazeGenerator(MazeGeneratorConfig.hard(11)).generate(5, 4).maze());
    }

    /** A hand-made 5×5 maze with two routes around a pillar: 4 steps over the top, 6 around the bottom. */
    static final String ROOMS = """
            #####
            #S G#
            # # #
            #   #
            #####""";

    static Maze parse(String text) {
        String[] rows = text.split("\n");
        byte[] cells = new byte[rows.length * rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows.length; c++)
                cells[r * rows.length + c] = (byte) "?# SGo".indexOf(rows[r].charAt(c));
        }
        return new Maze(rows.length, cells);
    }

    @Test
    void checkerTellsValidFromOptimal() {
        Maze m = parse(ROOMS);
        assertEquals(2, MazeSolver.shortestLength(m).orElseThrow());
        assertEquals(ROOMS, m.text());
        Maze best = MazeSolver.solve(m);
        assertEquals("#####\n#SoG#\n# # #\n#   #\n#####", best.text());
        assertTrue(MazeRules.check(m, best.cells()).optimal());
        Maze detour = parse("#####\n#S G#\n#o#o#\n#ooo#\n#####");
        MazeRules.Verdict v = MazeRules.check(m, detour.cells());
        assertTrue(v.valid());
        assertFalse(v.optimal());
        assertTrue(v.problem().contains("5 cells"), v.problem());
        Maze broken = parse("#####\n#S G#\n#o# #\n#oo #\n#####");
        assertFalse(MazeRules.check(m, broken.cells()).valid());
        byte[] throughWall = best.cells();
        throughWall[0] = Maze.PATH;
        assertFalse(MazeRules.check(m, throughWall).valid());
    }

    @Test
    void mazeWithoutPathIsAnError() {
        Maze walled = parse("#####\n#S#G#\n# # #\n# # #\n#####");
        assertTrue(MazeSolver.shortestLength(walled).isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> MazeSolver.solve(walled));
        assertTrue(e.getMessage().contains("no path"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("#####\n#S S#\n# # #\n#  G#\n#####"));
    }

    @Test
    void dihedralTransformsInvertAndKeepLabelsOptimal() {
        Grid g = new Grid(2, 3, new byte[] {1, 2, 3, 4, 5, 6});
        assertEquals(new Grid(3, 2, new byte[] {4, 1, 5, 2, 6, 3}), Dihedral.ROT90.apply(g), "clockwise");
        assertEquals(new Grid(3, 2, new byte[] {1, 4, 2, 5, 3, 6}), Dihedral.TRANSPOSE.apply(g));
        for (Dihedral d : Dihedral.values()) {
            assertEquals(g, d.inverse().apply(d.apply(g)), d.name());
        }
        java.util.Set<Grid> images = new java.util.HashSet<>();
        for (Dihedral d : Dihedral.values()) images.add(d.apply(g));
        assertEquals(8, images.size(), "8 distinct transforms");
        MazeGenerator.Generated m = new MazeGenerator(MazeGeneratorConfig.hard(11)).generate(2, 0);
        for (Dihedral d : Dihedral.values()) {
            Maze in = new Maze(11, d.apply(m.maze().cells(), 11));
            byte[] label = d.apply(m.label().cells(), 11);
            assertTrue(MazeRules.check(in, label).optimal(), d.name());
            assertArrayEquals(m.label().cells(), d.inverse().apply(label, 11));
            assertEquals(m.maze().canonicalKey(), in.canonicalKey());
        }
    }

    @Test
    void tokensMatchTheReference() {
        assertEquals(0, Maze.PAD);
        assertEquals(1, Maze.WALL);
        assertEquals(2, Maze.OPEN);
        assertEquals(3, Maze.START);
        assertEquals(4, Maze.GOAL);
        assertEquals(5, Maze.PATH);
        assertEquals(6, Maze.VOCAB);
        assertEquals("#So", MazeSolver.solve(parse(ROOMS)).text().substring(6, 9));
    }
}
