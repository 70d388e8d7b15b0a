package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.provenance.ContentHash;

/** Readers never write a data-set folder; the build writes only into a missing, empty or LoopLab-made one. */
class DataSetFolderTest {

    static PuzzleSplits smoke4;

    @BeforeAll
    static void build() {
        smoke4 = PuzzleDataSets.build("sudoku4", Profile.SMOKE);
    }

    /** Every file under a folder with its hash: what "untouched" means. */
    static Map<String, String> snapshot(Path folder) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).toList())
                out.put(folder.relativize(p).toString(), ContentHash.of(p));
        }
        return out;
    }

    @Test
    void aMissingSetIsNotBuiltByAReaderAndTheErrorSaysHowToBuildIt(@TempDir Path root) {
        var e = assertThrows(IllegalArgumentException.class, () -> DataSetFolder.load("sudoku4", Profile.SMOKE, root));
        assertEquals(
                root.resolve("sudoku4-smoke") + ": no such data set; build it with: looplab data build sudoku4 "
                        + "--profile smoke --out " + root,
                e.getMessage());
        assertTrue(!Files.exists(root.resolve("sudoku4-smoke")));
        assertEquals(
                smoke4.sha256(),
                DataSetFolder.buildIfAbsent("sudoku4", Profile.SMOKE, root).sha256());
        assertEquals(
                smoke4.sha256(),
                DataSetFolder.load("sudoku4", Profile.SMOKE, root).sha256());
    }

    @Test
    void aSetBuiltWithOtherSettingsIsRefusedNotReplaced(@TempDir Path root) throws Exception {
        // The case that once went unnoticed: a smoke-profile build placed where the cpu sudoku4 belongs.
        Path folder = root.resolve("sudoku4");
        smoke4.write(folder);
        Map<String, String> before = snapshot(folder);
        for (var reader : java.util.List.<Runnable>of(
                () -> DataSetFolder.load("sudoku4", Profile.CPU, root),
                () -> DataSetFolder.buildIfAbsent("sudoku4", Profile.CPU, root))) {
            var e = assertThrows(IllegalArgumentException.class, reader::run);
            String m = e.getMessage();
            assertTrue(m.startsWith(folder + ": built with "), m);
            assertTrue(
                    m.contains("profile \"smoke\" (expected \"cpu\")") && m.contains("trainCount 64 (expected 2000)"),
                    m);
            assertTrue(m.endsWith("rebuild it with: looplab data build sudoku4 --profile cpu --out " + root), m);
            assertTrue(!m.contains("\n"), "one line");
        }
        assertEquals(before, snapshot(folder), "nothing rewritten");
    }

    @Test
    void aFolderWithoutManifestOrWithAForeignFileIsNeverDeleted(@TempDir Path root) throws Exception {
        Path folder = root.resolve("sudoku4-smoke");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "mine");
        var e = assertThrows(
                IllegalArgumentException.class, () -> DataSetFolder.buildIfAbsent("sudoku4", Profile.SMOKE, root));
        assertTrue(e.getMessage().startsWith(folder + ": no manifest.json, so not a LoopLab data set"), e.getMessage());
        var b = assertThrows(IllegalArgumentException.class, () -> DataSetFolder.build("sudoku4", Profile.SMOKE, root));
        assertTrue(
                b.getMessage().contains("has no manifest.json")
                        && b.getMessage().contains("not replaced"),
                b.getMessage());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));

        // A LoopLab-made folder with a user's file in it: the build names the file and keeps it.
        Files.delete(folder.resolve("notes.txt"));
        smoke4.write(folder);
        Files.writeString(folder.resolve("train/notes.txt"), "mine");
        var f = assertThrows(IllegalArgumentException.class, () -> DataSetFolder.build("sudoku4", Profile.SMOKE, root));
        assertTrue(
                f.getMessage().startsWith(folder + ": holds train/notes.txt, which LoopLab's data build did not write"),
                f.getMessage());
        assertEquals("mine", Files.readString(folder.resolve("train/notes.txt")));
        // Readers do not care about extra files; the verified arrays are all they read.
        assertEquals(
                smoke4.sha256(),
                DataSetFolder.load("sudoku4", Profile.SMOKE, root).sha256());

        // Without it, the build replaces its own earlier build (here one of other settings).
        Files.delete(folder.resolve("train/notes.txt"));
        PuzzleSplits other = PuzzleDataSets.build(
                PuzzleDataSets.spec("sudoku4", Profile.SMOKE).withSeed(99));
        other.write(folder);
        assertThrows(IllegalArgumentException.class, () -> DataSetFolder.load("sudoku4", Profile.SMOKE, root));
        assertEquals(
                smoke4.sha256(),
                DataSetFolder.build("sudoku4", Profile.SMOKE, root).sha256());
        assertEquals(
                smoke4.sha256(),
                DataSetFolder.load("sudoku4", Profile.SMOKE, root).sha256());
    }

    @Test
    void aDamagedArrayNamesTheFileAndTheRebuildCommand(@TempDir Path root) throws Exception {
        Path folder = root.resolve("sudoku4-smoke");
        smoke4.write(folder);
        Path labels = folder.resolve("train/labels.npy");
        byte[] b = Files.readAllBytes(labels);
        b[b.length - 1] ^= 1;
        Files.write(labels, b);
        var e = assertThrows(
                IllegalArgumentException.class, () -> DataSetFolder.buildIfAbsent("sudoku4", Profile.SMOKE, root));
        assertTrue(e.getMessage().startsWith(labels + ": content hash"), e.getMessage());
        assertTrue(
                e.getMessage().endsWith("rebuild it with: looplab data build sudoku4 --profile smoke --out " + root),
                e.getMessage());
    }
}
