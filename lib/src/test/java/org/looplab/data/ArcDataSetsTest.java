package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.tool.LoopLabCli;

class ArcDataSetsTest {

    static final ArcTask FILL = ArcTasks.read(ArcTest.FIXTURES.resolve("fill-box.json"));
    static final ArcTask FLIP = ArcTasks.read(ArcTest.FIXTURES.resolve("flip-colours.json"));

    @Test
    void followsTheReferenceSplitWithOneIdentifierPerVersion() {
        ArcDataSets.Built b = ArcDataSets.build("arc-mini", List.of(FILL), List.of(FLIP), 3, 1, Map.of());
        assertEquals(8, b.versions().size(), "2 tasks × (original + 3 augmentations)");
        // train: fill-box 4 versions × (2 demos + 1 test pair), flip-colours 4 versions × 2 demos; test: flip's test
        // pair × 4.
        assertEquals(4 * 3 + 4 * 2, b.splits().train().count());
        assertEquals(4, b.splits().test().count());
        assertEquals(12, b.splits().train().vocab());
        assertEquals(900, b.splits().train().seqLen());
        assertEquals(1, b.splits().train().puzzleIdentifier(0), "identifier 0 stays blank");
        for (int i = 0; i < 4; i++) {
            int id = b.splits().test().puzzleIdentifier(i);
            ArcDataSets.Version v = b.versions().get(id - 1);
            assertEquals("flip-colours", v.task());
            // Decoding a label and inverting its augmentation gives the original answer back.
            Grid label = ArcEncoding.decode(b.splits().test().label(i)).orElseThrow();
            assertEquals(FLIP.test().get(0).output(), v.augment().inverse().apply(label));
        }
        assertEquals(
                b.splits().sha256(),
                ArcDataSets.build("arc-mini", List.of(FILL), List.of(FLIP), 3, 1, Map.of())
                        .splits()
                        .sha256());
        assertNotEquals(
                b.splits().sha256(),
                ArcDataSets.build("arc-mini", List.of(FILL), List.of(FLIP), 3, 2, Map.of())
                        .splits()
                        .sha256());
    }

    @Test
    void buildsFromAFolderThroughTheCli(@TempDir Path dir) throws Exception {
        Path arc = dir.resolve("arc");
        Files.createDirectories(arc.resolve("training"));
        Files.createDirectories(arc.resolve("evaluation"));
        Files.copy(ArcTest.FIXTURES.resolve("fill-box.json"), arc.resolve("training/fill-box.json"));
        Files.copy(ArcTest.FIXTURES.resolve("flip-colours.json"), arc.resolve("evaluation/flip-colours.json"));
        // Named as its input folder, the set would replace the task files it is built from: refused, files kept.
        assertEquals(
                2,
                LoopLabCli.run("data", "build-arc", "--in", arc.toString(), "--out", dir.toString(), "--name", "arc"));
        assertTrue(java.nio.file.Files.isRegularFile(arc.resolve("training/fill-box.json")));
        int code = LoopLabCli.run(
                "data", "build-arc", "--in", arc.toString(), "--out", dir.toString(), "--augmentations", "2");
        assertEquals(0, code);
        PuzzleSplits back = PuzzleSplits.load(dir.resolve("arc-set"));
        assertEquals(PuzzleKind.ARC, back.train().kind());
        assertEquals(3, back.test().count());
        assertTrue(back.manifest().sources().containsKey("training/fill-box.json"));
        assertEquals(
                2,
                LoopLabCli.run(
                        "data", "build-arc", "--in", dir.resolve("nothing").toString(), "--out", dir.toString()));
    }
}
