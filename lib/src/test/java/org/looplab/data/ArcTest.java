package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArcTest {

    /** Tests run in lib/; the fixtures are committed at the worktree root. */
    static final Path FIXTURES = Path.of("../data/fixtures/arc");

    @Test
    void loadsTheFixtureFolder() {
        List<ArcTask> tasks = ArcTasks.readFolder(FIXTURES);
        assertEquals(
                List.of("fill-box", "flip-colours"),
                tasks.stream().map(ArcTask::id).toList());
        ArcTask flip = tasks.get(1);
        assertEquals(2, flip.train().size());
        assertEquals(
                new Grid(2, 3, new byte[] {0, 1, 1, 0, 2, 0}),
                flip.train().get(0).input());
        assertEquals(
                new Grid(3, 2, new byte[] {0, 3, 3, 3, 4, 0}),
                flip.train().get(1).output());
        // The fixture's rule is a left-right mirror: check every pair obeys it.
        for (ArcTask.Pair p : flip.train()) assertEquals(p.output(), Dihedral.FLIP_COLS.apply(p.input()));
    }

    @Test
    void encodingMatchesTheReference() {
        Grid g = new Grid(2, 3, new byte[] {0, 1, 9, 3, 4, 5});
        byte[] t = ArcEncoding.encode(g);
        assertEquals(900, t.length);
        assertEquals(2, t[0], "colour 0 → 2");
        assertEquals(11, t[2], "colour 9 → 11");
        assertEquals(1, t[3], "EOS column right of row 0");
        assertEquals(1, t[30 + 3], "EOS column right of row 1");
        assertEquals(1, t[60], "EOS row below");
        assertEquals(1, t[62]);
        assertEquals(0, t[63], "corner below-right stays pad");
        assertEquals(0, t[4]);
        assertEquals(0, t[899]);
        assertEquals(g, ArcEncoding.decode(t).orElseThrow());
        Grid full = new Grid(30, 30, new byte[900]);
        byte[] ft = ArcEncoding.encode(full);
        for (byte b : ft) assertEquals(2, b, "a 30×30 grid leaves no room for EOS");
        assertEquals(full, ArcEncoding.decode(ft).orElseThrow());
        Grid one = new Grid(1, 1, new byte[] {7});
        assertEquals(one, ArcEncoding.decode(ArcEncoding.encode(one)).orElseThrow());
        assertTrue(ArcEncoding.decode(new byte[900]).isEmpty());
        assertEquals(12, ArcEncoding.VOCAB);
    }

    @Test
    void augmentationKeepsBlackAndInvertsExactly() {
        ArcTask task = ArcTasks.read(FIXTURES.resolve("fill-box.json"));
        Random random = new Random(3);
        for (int k = 0; k < 30; k++) {
            ArcAugment a = ArcAugment.random(random);
            ArcTask t = a.apply(task);
            assertEquals(0, a.colourMap()[0]);
            assertEquals(task, a.inverse().apply(t));
            for (int i = 0; i < task.train().size(); i++) {
                Grid in = task.train().get(i).input();
                Grid out = t.train().get(i).input();
                for (int r = 0; r < in.rows(); r++) {
                    for (int c = 0; c < in.cols(); c++) {
                        if (in.get(r, c) == 0) continue;
                        assertTrue(a.colourMap()[in.get(r, c)] != 0, "only black maps to black");
                    }
                }
                assertEquals(in.rows() * in.cols(), out.rows() * out.cols());
            }
        }
    }

    @Test
    void badFilesNameTheFileAndThePlace(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        StringBuilder row = new StringBuilder("[");
        for (int c = 0; c < 31; c++) row.append(c == 0 ? "" : ",").append(0);
        row.append("]");
        StringBuilder grid = new StringBuilder("[");
        for (int r = 0; r < 31; r++) grid.append(r == 0 ? "" : ",").append(row);
        grid.append("]");
        Files.writeString(big, "{\"train\":[{\"input\":" + grid + ",\"output\":[[1]]}],\"test\":[]}");
        var e = assertThrows(IllegalArgumentException.class, () -> ArcTasks.read(big));
        assertTrue(
                e.getMessage().contains("big.json: train[0].input: grid is 31×31; ARC grids are at most 30×30"),
                e.getMessage());
        Path colour = dir.resolve("colour.json");
        Files.writeString(colour, "{\"train\":[{\"input\":[[1,10]],\"output\":[[1]]}],\"test\":[]}");
        e = assertThrows(IllegalArgumentException.class, () -> ArcTasks.read(colour));
        assertTrue(e.getMessage().contains("colour.json: train[0].input: row 1, column 2 is 10"), e.getMessage());
        Path ragged = dir.resolve("ragged.json");
        Files.writeString(ragged, "{\"train\":[],\"test\":[{\"input\":[[1,2],[3]]}]}");
        e = assertThrows(IllegalArgumentException.class, () -> ArcTasks.read(ragged));
        assertTrue(e.getMessage().contains("test[0].input: row 2 has 1 cells, row 1 has 2"), e.getMessage());
        assertTrue(
                ArcTasks.parse("{\"train\":[],\"test\":[{\"input\":[[1]]}]}", "t", "t.json")
                                .test()
                                .get(0)
                                .output()
                        == null,
                "evaluation challenges may omit test outputs");
    }
}
