package org.looplab.provenance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHA256SUMS: the sha256sum format, a changed or missing file refused by name, a damaged list by line. */
class FileHashesTest {

    @Test
    void recordsInTheSha256sumFormatAndRefusesAChangedFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"n\": 3}");
        Files.writeString(dir.resolve("b.txt"), "abc");
        FileHashes.record(dir, List.of("config.json", "b.txt"));
        // SHA-256("abc") is the FIPS 180-2 test vector.
        assertEquals(
                List.of(
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  b.txt",
                        ContentHash.of(dir.resolve("config.json")) + "  config.json"),
                Files.readAllLines(dir.resolve(FileHashes.FILE)));
        assertDoesNotThrow(() -> FileHashes.verify(dir, "config.json"));
        assertDoesNotThrow(() -> FileHashes.verify(dir, "not-listed.json"));

        Files.writeString(dir.resolve("config.json"), "{\"n\": 5}");
        var e = assertThrows(IllegalArgumentException.class, () -> FileHashes.verify(dir, "config.json"));
        assertTrue(
                e.getMessage().startsWith(dir.resolve("config.json") + ": changed after it was written"),
                e.getMessage());
        Files.delete(dir.resolve("b.txt"));
        var missing = assertThrows(IllegalArgumentException.class, () -> FileHashes.verify(dir, "b.txt"));
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    }

    @Test
    void aKillAtAnyPointOfAReplacementLeavesAFolderThatVerifies(@TempDir Path dir) throws Exception {
        FileHashes.replaceRecorded(dir, "manifest.json", "{\"step\": 250}");
        String old = Files.readString(dir.resolve(FileHashes.FILE));
        String newList = ContentHash.of("{\"step\": 500}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "  manifest.json\n";
        assertEquals(
                List.of("manifest.json"),
                List.copyOf(FileHashes.read(dir).sha256().keySet()));
        assertTrue(!Files.exists(dir.resolve(FileHashes.NEXT)));

        // Killed after the new list was written, before the manifest was replaced: the old pair still holds.
        Files.writeString(dir.resolve(FileHashes.NEXT), newList);
        assertDoesNotThrow(() -> FileHashes.verify(dir, "manifest.json"));
        FileHashes.settle(dir);
        assertTrue(!Files.exists(dir.resolve(FileHashes.NEXT)));
        assertEquals(old, Files.readString(dir.resolve(FileHashes.FILE)));

        // Killed after the manifest was replaced, before the list was: the pending list vouches for it, and the
        // writer's settle makes it the list.
        Files.writeString(dir.resolve(FileHashes.NEXT), newList);
        Files.writeString(dir.resolve("manifest.json"), "{\"step\": 500}");
        assertDoesNotThrow(() -> FileHashes.verify(dir, "manifest.json"));
        FileHashes.settle(dir);
        assertEquals(newList, Files.readString(dir.resolve(FileHashes.FILE)));
        assertTrue(!Files.exists(dir.resolve(FileHashes.NEXT)));

        // An edit matches neither list and is still refused, pending list or not.
        Files.writeString(dir.resolve(FileHashes.NEXT), old);
        Files.writeString(dir.resolve("manifest.json"), "{\"step\": 9999}");
        var e = assertThrows(IllegalArgumentException.class, () -> FileHashes.verify(dir, "manifest.json"));
        assertTrue(e.getMessage().contains("changed after it was written"), e.getMessage());

        // A completed replacement leaves no pending list behind.
        FileHashes.replaceRecorded(dir, "manifest.json", "{\"step\": 750}");
        assertTrue(!Files.exists(dir.resolve(FileHashes.NEXT)));
        assertDoesNotThrow(() -> FileHashes.verify(dir, "manifest.json"));
    }

    @Test
    void aDamagedListNamesItsLineAndNoListMeansNothingToCheck(@TempDir Path dir) throws Exception {
        assertNull(FileHashes.read(dir));
        Files.writeString(
                dir.resolve(FileHashes.FILE),
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a\nnot a hash\n");
        var e = assertThrows(IllegalArgumentException.class, () -> FileHashes.read(dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("not a hash"), e.getMessage());
    }
}
