package org.looplab.provenance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    record Point(int x, int y) {}

    record Run(org.looplab.Profile profile) {}

    @Test
    void aFileThatIsNotJsonIsNamedWithoutQuotingIt(@TempDir Path dir) throws Exception {
        // A config.json linked to a file that holds a secret: the error must not print its first word.
        Path secret = Files.writeString(dir.resolve("secret"), "\nhunter2 rest of the file\n");
        Path config = Files.createSymbolicLink(dir.resolve("config.json"), secret);
        var e = assertThrows(IllegalArgumentException.class, () -> Json.read(config, Point.class));
        assertTrue(
                e.getMessage()
                        .matches(java.util.regex.Pattern.quote(config.toString())
                                + ": not JSON \\(line 2, column \\d+\\), so not a Point"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
        // A JSON file with a wrong field still says which.
        Files.writeString(dir.resolve("p.json"), "{\"x\": 1, \"y\": 2, \"z\": 3}");
        var wrong = assertThrows(IllegalArgumentException.class, () -> Json.read(dir.resolve("p.json"), Point.class));
        assertTrue(wrong.getMessage().contains("\"z\""), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("org.looplab"), "no Java class names: " + wrong.getMessage());
    }

    @Test
    void aConstructorsOwnCheckIsTheMessage(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.json"), "{\"profile\": \"fast\"}");
        var e = assertThrows(IllegalArgumentException.class, () -> Json.read(spec, Run.class));
        assertTrue(
                e.getMessage()
                        .endsWith(": not a valid Run: profile must be one of smoke, cpu, gpu (as LOOPLAB_PROFILE"
                                + " and manifests spell it); was 'fast'"),
                e.getMessage());
    }
}
