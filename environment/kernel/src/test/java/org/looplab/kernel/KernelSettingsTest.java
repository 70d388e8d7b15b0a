package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KernelSettingsTest {

    @Test
    void timeoutTakesIJavasThreeForms() {
        assertFalse(EvaluationTimeout.parse("-1").isLimited());
        assertFalse(EvaluationTimeout.parse(null).isLimited());
        assertEquals(new EvaluationTimeout(5000, TimeUnit.MILLISECONDS), EvaluationTimeout.parse("5000"));
        assertEquals(new EvaluationTimeout(30, TimeUnit.SECONDS), EvaluationTimeout.parse("30 SECONDS"));
        assertEquals(new EvaluationTimeout(2, TimeUnit.MINUTES), EvaluationTimeout.parse(" 2 minutes "));
    }

    @Test
    void aBadTimeoutNamesTheVariableAndTheValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EvaluationTimeout.parse("30 FORTNIGHTS"));
        assertTrue(
                e.getMessage().contains("IJAVA_TIMEOUT") && e.getMessage().contains("30 FORTNIGHTS"), e.getMessage());
    }

    @Test
    void readsTheIJavaVariables() {
        KernelSettings settings = KernelSettings.fromEnvironment(
                Map.of(
                        "IJAVA_CLASSPATH", "a/*.jar:/opt/b.jar",
                        "IJAVA_COMPILER_OPTS", " -parameters  -Xlint:none ",
                        "IJAVA_TIMEOUT", "10 SECONDS",
                        "IJAVA_STARTUP_SCRIPTS_PATH", "init/*.jsh",
                        "IJAVA_STARTUP_SCRIPT", "int seed = 7;"),
                Path.of("/tmp/nb"));
        assertEquals(List.of("a/*.jar", "/opt/b.jar"), settings.classpathGlobs());
        assertEquals(List.of("-parameters", "-Xlint:none"), settings.compilerOptions());
        assertEquals(new EvaluationTimeout(10, TimeUnit.SECONDS), settings.timeout());
        assertEquals(List.of("init/*.jsh"), settings.startupScriptGlobs());
        assertEquals("int seed = 7;", settings.startupScript());
        assertEquals(Path.of("/tmp/nb"), settings.workingDirectory());
    }

    @Test
    void outputLimitIsMegabytesOrUnlimitedAndEightByDefault() {
        assertEquals(
                8L << 20,
                KernelSettings.defaults(Path.of("/tmp/nb")).outputLimit().bytes());
        assertEquals(new OutputLimit(1L << 20), OutputLimit.parse("1"));
        assertEquals(new OutputLimit(512L << 10), OutputLimit.parse(" 0.5 "));
        assertFalse(OutputLimit.parse("unlimited").isLimited());
        assertEquals("2 MB", OutputLimit.parse("2").toString());
        assertEquals(
                new OutputLimit(3L << 20),
                KernelSettings.fromEnvironment(Map.of("LOOPLAB_KERNEL_OUTPUT_MB", "3"), Path.of("/tmp/nb"))
                        .outputLimit());
    }

    @Test
    void aBadOutputLimitNamesTheVariableAndTheValue() {
        for (String bad : List.of("0", "-2", "8MB", "lots")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputLimit.parse(bad));
            assertTrue(
                    e.getMessage().contains("LOOPLAB_KERNEL_OUTPUT_MB")
                            && e.getMessage().contains("\"" + bad + "\""),
                    e.getMessage());
        }
    }
}
