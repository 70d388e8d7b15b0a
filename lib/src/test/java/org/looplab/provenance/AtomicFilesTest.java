package org.looplab.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
