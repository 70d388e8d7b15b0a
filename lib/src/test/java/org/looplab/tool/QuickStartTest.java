package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's five-minute commands, read from the README itself and run as written on what a fresh clone has: the
 * shipped checkpoints and committed results, no data sets. Paths are only re-rooted (tests run in lib/), and the
 * readers are pointed at an empty data root, which must still be empty afterwards.
 */
class QuickStartTest {
    static final String JAR = "java -jar lib/target/looplab.jar ";

    static List<String> quickStart() throws IOException {
        List<String> lines = Files.readAllLines(GeneratedDocsTest.ROOT.resolve("README.md"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("Five minutes")) start = i;
        assertTrue(start >= 0, "README.md has no \"Five minutes\" paragraph");
        List<String> commands = new ArrayList<>();
        int i = start + 1;
        while (!lines.get(i).startsWith("```")) i++;
        for (i++; !lines.get(i).startsWith("```"); i++)
            commands.add(lines.get(i).strip());
        return commands;
    }

    @Test
    void theQuickStartRunsAsWrittenWithoutAnyDataSet(@TempDir Path tmp) throws IOException {
        Path noData = tmp.resolve("data");
        Files.createDirectories(noData);
        List<String> commands = quickStart();
        assertTrue(commands.size() >= 3, commands.toString());
        List<String> outputs = new ArrayList<>();
        for (String line : commands) {
            if (line.equals("mkdir -p build")) continue; // the test's build/ is its temporary folder
            assertTrue(line.startsWith(JAR), "not a looplab command: " + line);
            List<String> words =
                    new ArrayList<>(Arrays.asList(line.substring(JAR.length()).split("\\s+")));
            String stdin = "";
            Path stdout = null;
            int redirect = words.indexOf("<");
            if (redirect >= 0) {
                stdin = Files.readString(local(words.get(redirect + 1), tmp));
                words.subList(redirect, redirect + 2).clear();
            }
            redirect = words.indexOf(">");
            if (redirect >= 0) {
                stdout = local(words.get(redirect + 1), tmp);
                words.subList(redirect, redirect + 2).clear();
            }
            List<String> args = new ArrayList<>();
            for (String w : words)
                args.add(
                        w.startsWith("data/")
                                ? "../" + w
                                : w.startsWith("build/") ? local(w, tmp).toString() : w);
            switch (args.get(0)) {
                case "halting", "eval", "trace" -> args.addAll(List.of("--data-root", noData.toString()));
                case "claims" -> args.addAll(List.of("--results", "../data/results"));
                default -> {}
            }
            DataCliTest.Run r = DataCliTest.run(stdin, args.toArray(String[]::new));
            assertEquals(0, r.code(), line + "\n" + r.err());
            if (stdout != null) Files.writeString(stdout, r.out());
            outputs.add(r.out());
        }
        try (var left = Files.list(noData)) {
            assertFalse(left.findAny().isPresent(), "a reader of --puzzles built a data set");
        }
        String all = String.join("\n", outputs);
        assertTrue(all.contains("halting_claim: "), all);
        assertTrue(all.contains("MLP beats attention on Sudoku"), all);
    }

    private static Path local(String buildPath, Path tmp) {
        return tmp.resolve(Path.of(buildPath).getFileName());
    }
}
