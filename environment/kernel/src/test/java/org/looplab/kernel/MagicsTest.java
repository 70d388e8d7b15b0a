package org.looplab.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicsTest {

    private static final TestKernel kernel = TestKernel.shared();

    @BeforeAll
    static void putAJarInTheNotebookFolder() {
        GreeterJar.writeInto(kernel.workingDirectory());
    }

    @Test
    void classpathWithARelativeGlobMakesTheJarUsable() {
        kernel.evalRaw("%classpath deps/*.jar");
        assertEquals("hi", kernel.evalRaw("demo.Greeter.hello()"));
    }

    @Test
    void jarsIsAnAliasAndReturnsTheAddedPaths() {
        Object added = kernel.evalRaw("List<String> magicAdded = %jars deps/*.jar\nmagicAdded");
        assertEquals(List.of(kernel.workingDirectory().resolve("deps/greeter.jar").toString()), added);
    }

    @Test
    void aGlobThatMatchesNothingFailsNamingIt() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%classpath nowhere/*.jar"));
        String text = kernel.formattedError(e);
        assertTrue(text.startsWith("%classpath: nothing matches 'nowhere/*.jar' (relative paths start at "), text);
        assertEquals(1, text.lines().count(), "no kernel stack trace for a mistyped argument: " + text);
    }

    @Test
    void loadEvaluatesTheSnippetsOfAJavaFile() throws IOException {
        Path helpers = Files.createDirectories(kernel.workingDirectory().resolve("helpers"));
        Files.writeString(helpers.resolve("Shapes.java"), """
                int magicSquare(int x) { return x * x; }
                String magicGreeting = "loaded";
                """);
        kernel.evalRaw("%load helpers/Shapes.java");
        assertEquals(49, kernel.evalRaw("magicSquare(7)"));
        assertEquals("loaded", kernel.evalRaw("magicGreeting"));
    }

    @Test
    void loadShowsACompileErrorInsideTheFile() throws IOException {
        Files.writeString(kernel.workingDirectory().resolve("Broken.jsh"), "int magicBroken = \"no\";\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%load Broken.jsh"));
        assertInstanceOf(CompilationException.class, e.getCause());
        assertEquals(List.of("int magicBroken = \"no\";", "                  ^^^^",
                "incompatible types: java.lang.String cannot be converted to int"),
                kernel.formattedError(e).lines().toList());
    }

    @Test
    void loadWantsAnExactJavaFileName() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%load ../utils/djl-imports"));
        assertTrue(kernel.formattedError(e).contains("%load: takes an exact .java, .jsh or .jshell file name"),
                kernel.formattedError(e));
    }
}
