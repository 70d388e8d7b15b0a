package org.looplab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.provenance.Json;

/** {@code looplab solve --json}: one answer or one error per input line, in order, and bad lines do not stop it. */
class SolveLinesTest {
    @TempDir
    static Path scratch;

    static SolverService service;

    @BeforeAll
    static void load() {
        service = SolverService.load(List.of(SolverCheckpoints.untrained("trm-mlp-sudoku4", scratch)));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonLinesInOrderWithErrorsNamingTheLine() throws Exception {
        String p = SolverServiceTest.PUZZLE4;
        String input = String.join(
                        "\n",
                        p,
                        "# a comment",
                        "",
                        "{\"puzzle\": \"" + p + "\", \"max_steps\": 2}",
                        "12345",
                        "{\"puzzle\": \"" + p + "\", \"colour\": 1}",
                        "{not json",
                        "1.3..4.2.1.34..x",
                        "{\"puzzle\": \"" + p + "\", \"fallback\": \"classical\"}",
                        p)
                + "\n";
        StringWriter out = new StringWriter();
        int errors = SolveLines.run(service, new BufferedReader(new StringReader(input)), new PrintWriter(out), true);
        List<String> lines = out.toString().lines().toList();
        assertEquals(8, lines.size(), out.toString());
        assertEquals(4, errors);
        List<Map<String, Object>> rows = lines.stream()
                .map(l -> (Map<String, Object>) Json.read(l, Map.class, "out"))
                .toList();
        assertEquals(p, rows.get(0).get("puzzle"));
        assertTrue(rows.get(0).containsKey("verified"));
        assertTrue((Integer) rows.get(1).get("steps_used") <= 2);
        assertEquals(
                Map.of(
                        "code",
                        "wrong_length",
                        "message",
                        "puzzle has 5 characters; a puzzle has 16 (4x4), 36 (6x6) or 81 (9x9)"),
                rows.get(2).get("error"));
        assertEquals(5, rows.get(2).get("line"));
        assertEquals("unknown_argument", ((Map<String, Object>) rows.get(3).get("error")).get("code"));
        assertEquals("bad_json", ((Map<String, Object>) rows.get(4).get("error")).get("code"));
        assertEquals("illegal_character", ((Map<String, Object>) rows.get(5).get("error")).get("code"));
        assertEquals(true, rows.get(6).get("verified"));
        assertEquals(p, rows.get(7).get("puzzle"), "the line after errors is answered as usual");
    }

    @Test
    void textModeKeepsRefusalsOffStdout() {
        StringWriter out = new StringWriter();
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        int errors;
        try {
            errors = SolveLines.run(
                    service,
                    new BufferedReader(new StringReader("\uFEFF1234\n" + SolverServiceTest.PUZZLE4 + "\n")),
                    new PrintWriter(out),
                    false);
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(1, errors);
        assertEquals(1, out.toString().strip().lines().count(), "only the answer on stdout: " + out);
        assertTrue(
                err.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("line 1: wrong_length: "),
                err.toString());
    }

    @Test
    void textModeSaysUnverifiedPlainly() {
        StringWriter out = new StringWriter();
        SolveLines.run(
                service,
                new BufferedReader(new StringReader(SolverServiceTest.PUZZLE4 + "\n")),
                new PrintWriter(out),
                false);
        String line = out.toString().strip();
        String[] f = line.split("\t");
        assertEquals(16, f[0].length(), line);
        assertTrue(f[1].equals("verified") || f[1].equals("UNVERIFIED"), line);
    }
}
