package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder with a non-ASCII name under {@code LANG=C} (cron, batch jobs, minimal containers): a bare JVM cannot
 * even name it; through {@code bin/utf8-locale}, which {@code bin/looplab} and the kernelspec start with, it opens.
 */
class Utf8LocaleTest {
    static final Path LAUNCHER = Path.of("../bin/utf8-locale");

    @Test
    void aNonAsciiRunFolderOpensUnderLangC(@TempDir Path tmp) throws Exception {
        // built from Java strings, so UTF-8 on disk
        String run = tmp.resolve("läufe-数独").toString(),
                data = tmp.resolve("daten-ü").toString();
        List<String> train = List.of(
                "train", "--task", "sudoku4", "--profile", "smoke", "--steps", "2", "--out", run, "--data-root", data);
        Result bare = run(false, train);
        // Without the launcher's locale the JVM cannot map the name: picocli's one-line error quotes the JVM's
        // "Malformed input or input contains unmappable characters" (an InvalidPathException underneath).
        assertTrue(
                bare.exit != 0
                        && (bare.output.contains("InvalidPathException")
                                || bare.output.contains("unmappable characters")),
                "without it: " + bare.output);

        Result trained = run(true, train);
        assertEquals(0, trained.exit, trained.output);
        assertTrue(Files.isRegularFile(Path.of(run, "manifest.json")), "written under its UTF-8 name");
        Result eval = run(true, List.of("eval", "--checkpoint", run, "--data-root", data));
        assertEquals(0, eval.exit, eval.output);
        assertTrue(eval.output.contains("exact_accuracy: "), eval.output);
    }

    @Test
    void aUtf8OrOtherNamedLocaleIsLeftAlone() throws Exception {
        for (String lang : List.of("C.UTF-8", "de_DE.ISO-8859-1")) {
            Process p = new ProcessBuilder(
                            "env",
                            "-i",
                            "PATH=" + System.getenv("PATH"),
                            "LANG=" + lang,
                            "bash",
                            "-c",
                            ". " + LAUNCHER + "; echo \"${LC_CTYPE:-unset}\"")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals("unset", out, lang);
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(boolean throughLauncher, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "-i", "PATH=" + System.getenv("PATH"), "LANG=C"));
        if (throughLauncher) cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LoopLabCli.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", cmd));
        return new Result(p.exitValue(), out);
    }
}
