package org.looplab.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aWrittenFileIsReadableByOthersOrKeepsTheModeItHad(@TempDir Path dir) throws Exception {
        // The temp file behind an atomic write is 0600; a trace page or table written through it must not stay so.
        Path page = dir.resolve("viewer.html");
        AtomicFiles.writeString(page, "<html></html>");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
        Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(page, "<html>2</html>");
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
        assertEquals("<html>2</html>", Files.readString(page));
    }

    @Test
    void aSymlinkedFolderOrFileIsWrittenWhereItPointsAndStaysALink(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("big-disk/sudoku4"));
        Files.writeString(disk.resolve("old.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("sudoku4"), disk);
        AtomicFiles.writeFolder(link, tmp -> Files.writeString(tmp.resolve("new.txt"), "new"));
        assertTrue(Files.isSymbolicLink(link), "the user's link stays a link");
        assertEquals("new", Files.readString(disk.resolve("new.txt")), "written where it points");
        assertFalse(Files.exists(disk.resolve("old.txt")), "replaced there, as without a link");

        Path file = Files.writeString(dir.resolve("real.json"), "{}");
        Path fileLink = Files.createSymbolicLink(dir.resolve("linked.json"), file);
        AtomicFiles.writeString(fileLink, "{\"a\":1}");
        assertTrue(Files.isSymbolicLink(fileLink));
        assertEquals("{\"a\":1}", Files.readString(file));
    }
}
