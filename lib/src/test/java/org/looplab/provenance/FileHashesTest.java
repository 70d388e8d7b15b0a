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
    void aDamagedListNamesItsLineAndNoListMeansNothingToCheck(@TempDir Path dir) throws Exception {
        assertNull(FileHashes.read(dir));
        Files.writeString(
                dir.resolve(FileHashes.FILE),
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a\nnot a hash\n");
        var e = assertThrows(IllegalArgumentException.class, () -> FileHashes.read(dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("not a hash"), e.getMessage());
    }
}
