package org.looplab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.provenance.Json;

/**
 * Notebook 01 as the kernel would run it, without the kernel: every code cell after the {@code %classpath} magic is
 * evaluated by JShell on the test classpath (smoke profile), with stand-ins for IJava's {@code display} and
 * {@code render}. A cell that does not compile or throws (the notebook asserts on its own results) fails here.
 */
class Notebook01Test {

    static final Path NOTEBOOK = Path.of("../notebooks/01_grid_datasets.ipynb");

    @Test
    void hasTheKernelMetadataAndClearedOutputs() throws Exception {
        JsonNode nb = Json.mapper().readTree(NOTEBOOK.toFile());
        assertEquals(4, nb.get("nbformat").asInt());
        assertEquals("java", nb.at("/metadata/kernelspec/name").asText());
        assertEquals(".jshell", nb.at("/metadata/language_info/file_extension").asText());
        List<JsonNode> code = codeCells(nb);
        assertEquals("%classpath ../lib/target/notebook-classpath/*.jar", text(code.get(0)));
        for (JsonNode c : code) {
            assertTrue(c.get("execution_count").isNull());
            assertEquals(0, c.get("outputs").size());
            assertTrue(text(c).split("\n").length <= 6, "cells are 1-6 lines: " + text(c));
        }
    }

    @Test
    void everyCodeCellRuns(@TempDir Path data) throws Exception {
        JsonNode nb = Json.mapper().readTree(NOTEBOOK.toFile());
        List<JsonNode> code = codeCells(nb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JShell js = JShell.builder()
                .executionEngine("local")
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(out, true, StandardCharsets.UTF_8))
                .build()) {
            js.addToClasspath(System.getProperty("java.class.path"));
            run(js, "import java.util.*;");
            // The kernel's display/render only publish what a cell already computed; stand-ins that return suffice.
            run(js, "String display(Object o, String... mime) { return String.valueOf(o.hashCode()); }");
            run(js, "Object render(Object o, String... mime) { return o; }");
            for (JsonNode cell : code.subList(1, code.size())) {
                // Built sets go to a temporary folder, not the worktree's data/.
                String source = text(cell)
                        .replace(
                                "Path.of(\"../data\")",
                                "Path.of(\"" + data.toString().replace("\\", "/") + "\")");
                run(js, source);
            }
        }
        assertTrue(Files.isRegularFile(
                org.looplab.data.PuzzleDataSets.folder(data, "sudoku9-hard", org.looplab.Profile.SMOKE)
                        .resolve("manifest.json")));
    }

    private static void run(JShell js, String source) {
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String snippet = info.source() == null ? rest : info.source();
            for (SnippetEvent e : js.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    List<String> why = new ArrayList<>();
                    js.diagnostics(e.snippet()).forEach(d -> why.add(d.getMessage(null)));
                    fail("cell does not compile: " + snippet + "\n" + why);
                }
                assertNull(e.exception(), () -> "cell threw: " + snippet + "\n" + e.exception());
            }
            rest = info.remaining() == null ? "" : info.remaining();
            if (info.source() == null) break;
        }
    }

    private static List<JsonNode> codeCells(JsonNode nb) {
        List<JsonNode> out = new ArrayList<>();
        nb.get("cells").forEach(c -> {
            if (c.get("cell_type").asText().equals("code")) out.add(c);
        });
        return out;
    }

    private static String text(JsonNode cell) {
        StringBuilder sb = new StringBuilder();
        cell.get("source").forEach(l -> sb.append(l.asText()));
        return sb.toString();
    }
}
