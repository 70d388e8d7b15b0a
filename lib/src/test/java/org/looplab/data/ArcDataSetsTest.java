package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.provenance.Json;
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
            ArcVersions.Version v = b.versions().get(id - 1);
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

    /**
     * The papers' split rule, checked by content hash: every demonstration pair of every version (evaluation tasks'
     * too) is a training example, and no evaluation test pair, in any version, is one; translated training rows are
     * compared as they would sit at the top-left.
     */
    @Test
    void noEvaluationTestPairIsTrainedOnAndEveryDemonstrationIs(@TempDir Path dir) {
        ArcDataSets.Built b = ArcDataSets.build(
                "arc-split",
                List.of(FILL),
                List.of(FLIP),
                ArcDataSets.Options.reference(5),
                7,
                Map.of(),
                Json.mapper().createObjectNode(),
                "any");
        PuzzleSplits s = b.splits();
        ArcCanvas canvas = ArcCanvas.REFERENCE;
        Set<String> train = new HashSet<>();
        int translated = 0;
        for (int i = 0; i < s.train().count(); i++) {
            int[] at = canvas.corner(s.train().input(i)).orElseThrow();
            if (at[0] != 0 || at[1] != 0) translated++;
            train.add(ArcDataSets.pairHash(canvas, s.train().input(i), s.train().label(i), at[0], at[1]));
        }
        for (ArcVersions.Version v : b.versions()) {
            ArcTask task = v.augment().apply(v.task().equals("flip-colours") ? FLIP : FILL);
            for (ArcTask.Pair p : task.train()) assertTrue(train.contains(hash(p)), v + " demo missing");
            for (ArcTask.Pair p : task.test()) {
                boolean evaluation = v.task().equals("flip-colours");
                assertEquals(!evaluation, train.contains(hash(p)), v + " test pair");
            }
        }
        for (int i = 0; i < s.test().count(); i++)
            assertFalse(train.contains(
                    ArcDataSets.pairHash(canvas, s.test().input(i), s.test().label(i), 0, 0)));
        assertTrue(ArcDataSets.leakedTestRows(s).isEmpty());
        // All but one training example per version moved (a 0 offset drawn twice is unlikely on 30×30).
        int versions = b.versions().size();
        assertTrue(
                translated >= s.train().count() - versions - 2,
                translated + " of " + s.train().count());
        // The version table travels with the set and comes back from disk.
        s.write(dir.resolve("arc-split"));
        PuzzleSplits back = PuzzleSplits.load(dir.resolve("arc-split"));
        ArcVersions table = ArcVersions.of(back);
        assertEquals(b.versions(), table.versions());
        assertArrayEquals(b.table().testPairs(), table.testPairs());
        assertEquals(s.sha256(), back.sha256());
    }

    private static String hash(ArcTask.Pair p) {
        ArcCanvas c = ArcCanvas.REFERENCE;
        return ArcDataSets.pairHash(c, c.encode(p.input()), c.encode(p.output()), 0, 0);
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
