package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IJAVA_* startup variables, on an evaluator of its own (no kernel needed, so the shared one is untouched). */
class NotebookStartupTest {

    @Test
    void classpathScriptsAndInlineScriptRunBeforeTheFirstCellInThatOrder() throws IOException {
        Path notebookDir = Files.createTempDirectory("startup-test");
        GreeterJar.writeInto(notebookDir);
        Files.createDirectories(notebookDir.resolve("init"));
        Files.writeString(notebookDir.resolve("init/a.jsh"), "String fromScript = demo.Greeter.hello();\n");
        KernelSettings settings = KernelSettings.fromEnvironment(
                Map.of(
                        "IJAVA_CLASSPATH", "deps/*.jar",
                        "IJAVA_STARTUP_SCRIPTS_PATH", "init/*.jsh",
                        "IJAVA_STARTUP_SCRIPT", "String fromInline = fromScript + \"!\";"),
                notebookDir);

        try (JShellEvaluator evaluator = new JShellEvaluator(settings.compilerOptions(), settings.timeout())) {
            new NotebookStartup(settings, new ClasspathGlobs(notebookDir), evaluator).run();
            assertEquals("hi!", evaluator.eval("fromInline"));
            assertEquals(List.of(1), evaluator.eval("new ArrayList<>(List.of(1))")); // the default imports ran
        }
    }
}
