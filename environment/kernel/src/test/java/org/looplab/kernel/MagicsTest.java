package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        assertEquals(
                List.of(kernel.workingDirectory().resolve("deps/greeter.jar").toString()), added);
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
        assertEquals(
                List.of(
                        "int magicBroken = \"no\";",
                        "                  ^^^^",
                        "incompatible types: java.lang.String cannot be converted to int"),
                kernel.formattedError(e).lines().toList());
    }

    @Test
    void loadTriesTheExtensionsInIJavasOrder() throws IOException {
        Path helpers = Files.createDirectories(kernel.workingDirectory().resolve("ordered"));
        Files.writeString(helpers.resolve("Pick.java"), "String magicPicked = \"java\";\n");
        Files.writeString(helpers.resolve("Pick.jshell"), "String magicPicked = \"jshell\";\n");
        kernel.evalRaw("%load ordered/Pick");
        assertEquals("jshell", kernel.evalRaw("magicPicked"), ".jsh, .jshell, .java, .ipynb in that order");
        Files.writeString(helpers.resolve("Pick"), "String magicPicked = \"exact\";\n");
        kernel.evalRaw("%load ordered/Pick");
        assertEquals("exact", kernel.evalRaw("magicPicked"), "the exact name first");
    }

    @Test
    void loadOfANotebookRunsItsCodeCellsInOrderMagicsIncluded() throws IOException {
        Path utils = Files.createDirectories(kernel.workingDirectory().resolve("utils"));
        Files.writeString(
                utils.resolve("imports.ipynb"),
                notebook(
                        "%classpath deps/*.jar",
                        "import demo.Greeter;\nString magicOrder = \"first\";",
                        "magicOrder = magicOrder + \" then second\";"));
        kernel.evalRaw("%load utils/imports");
        assertEquals("first then second", kernel.evalRaw("magicOrder"));
        assertEquals(
                "hi", kernel.evalRaw("Greeter.hello()"), "the import and the %classpath of the loaded notebook hold");
    }

    @Test
    void aFailingCellOfALoadedNotebookStopsTheLoadAndSaysWhichCell() throws IOException {
        Files.writeString(
                kernel.workingDirectory().resolve("broken.ipynb"),
                notebook("int magicBeforeFailure = 1;", "int magicFails = \"no\";", "int magicNeverRun = 3;"));
        StandardStreams cell = StandardStreams.capture(() -> {
            RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%load broken"));
            assertInstanceOf(CompilationException.class, e.getCause());
            return null;
        });
        assertTrue(
                cell.err()
                        .contains("%load: code cell 2 of 3 in "
                                + kernel.workingDirectory().resolve("broken.ipynb") + " failed"),
                cell.err());
        assertEquals(1, kernel.evalRaw("magicBeforeFailure"));
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("magicNeverRun"));
    }

    @Test
    void aNotebookThatLoadsItselfFailsAtOnceNamingTheChain() throws IOException {
        Path loops = Files.createDirectories(kernel.workingDirectory().resolve("loops"));
        Files.writeString(loops.resolve("self.ipynb"), notebook("int magicSelfRuns = 1;", "%load loops/self"));
        Files.writeString(loops.resolve("a.ipynb"), notebook("%load loops/b"));
        Files.writeString(loops.resolve("b.ipynb"), notebook("%load loops/a"));
        Path self = loops.resolve("self.ipynb").toRealPath();
        long start = System.nanoTime();
        StandardStreams cell = StandardStreams.capture(() -> {
            RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%load loops/self"));
            String text = kernel.formattedError(e);
            assertEquals("%load: cycle: self.ipynb loads " + self + " (a file may not load itself)", text);
            RuntimeException ab = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%load loops/a"));
            assertTrue(
                    kernel.formattedError(ab).startsWith("%load: cycle: a.ipynb loads b.ipynb loads "),
                    kernel.formattedError(ab));
            return null;
        });
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "fails fast");
        assertTrue(cell.err().length() < 2_000, "a short error, not a nested one: " + cell.err());
        assertEquals(1, kernel.evalRaw("magicSelfRuns"));
        // Once failed, the same notebook loads again without its self-load: the chain was unwound.
        Files.writeString(loops.resolve("self.ipynb"), notebook("int magicSelfRuns = 2;"));
        kernel.evalRaw("%load loops/self");
        assertEquals(2, kernel.evalRaw("magicSelfRuns"));
    }

    @Test
    void loadOfAMissingNameSaysWhatWasTried() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%load ../utils/djl-imports"));
        assertEquals(
                "%load: no file "
                        + kernel.workingDirectory()
                                .resolve("../utils/djl-imports")
                                .normalize() + " (nor with .jsh, .jshell, .java, .ipynb)",
                kernel.formattedError(e));
    }

    @Test
    void timeRunsTheRestOfTheLineVerbatimAndReportsTheTimes() {
        StandardStreams cell = StandardStreams.capture(
                () -> kernel.evalRaw("int magicTimed = %time \"a \\\"b\\\" c\".length()\nmagicTimed"));
        assertEquals(7, cell.value(), "the quotes and escapes of the timed code reach javac unchanged");
        assertTrue(
                cell.out()
                        .matches("(?s)CPU times: user \\d+\\.\\d{3} s, sys \\d+\\.\\d{3} s, total \\d+\\.\\d{3} s\\R"
                                + "Wall time: \\d+\\.\\d{3} s\\R"),
                cell.out());
    }

    @Test
    void timeOfACellMeasuresTheWholeBody() {
        StandardStreams cell =
                StandardStreams.capture(() -> kernel.evalRaw("%%time\nThread.sleep(300);\nint magicSlept = 300;"));
        double wall = Double.parseDouble(cell.out().replaceAll("(?s).*Wall time: ([\\d.]+) s.*", "$1"));
        assertTrue(wall >= 0.3 && wall < 30, cell.out());
        assertEquals(300, kernel.evalRaw("magicSlept"));
    }

    /** An nbformat 4 notebook: a markdown cell, then one code cell per source, each stored as a list of lines. */
    private static String notebook(String... codeCells) {
        StringBuilder cells =
                new StringBuilder("{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# not code\"]}");
        for (String code : codeCells) {
            StringBuilder lines = new StringBuilder();
            for (String line : code.split("(?<=\n)")) {
                lines.append(lines.length() == 0 ? "" : ", ")
                        .append('"')
                        .append(line.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                        .append('"');
            }
            cells.append(", {\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], "
                            + "\"source\": [")
                    .append(lines)
                    .append("]}");
        }
        return "{\"cells\": [" + cells + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }
}
