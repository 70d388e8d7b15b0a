package org.looplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's package table is the layout: it lists every package of {@code lib}, and a package uses only those listed
 * after it (the root's {@code Profile} is open to all). Read from the README itself, so the table cannot drift.
 */
class LayoutTest {
    private static final Path README = Path.of("../README.md"); // tests run in lib/
    private static final Path SOURCES = Path.of("src/main/java/org/looplab");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)`( \\(root\\))? \\|");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");
    private static final Pattern USE = Pattern.compile("\\borg\\.looplab\\.((?:[a-z]+\\.)*)[A-Z]");

    /** The packages in the table's order, as {@code train} or {@code serve.mcp}; the root is {@code ""}. */
    private static List<String> table() throws IOException {
        List<String> order = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("The packages of `lib`")) in = true;
            else if (in && line.startsWith("| ")) {
                Matcher m = ROW.matcher(line);
                if (m.find() && !m.group(1).equals("package"))
                    order.add(m.group(1).equals("org.looplab") ? "" : m.group(1));
            } else if (in && !order.isEmpty() && line.isBlank()) break;
        }
        return order;
    }

    private static String packageOf(Path file) {
        Path dir = SOURCES.relativize(file.getParent());
        return dir.toString().replace(java.io.File.separatorChar, '.');
    }

    @Test
    void theTableListsEveryPackage() throws IOException {
        TreeSet<String> actual = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> actual.add(packageOf(f)));
        }
        assertEquals(actual, new TreeSet<>(table()), "README's package table against lib/src/main/java/org/looplab");
    }

    @Test
    void aPackageUsesOnlyThoseListedAfterIt() throws IOException {
        List<String> order = table();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = packageOf(f);
                // A class named in a string is a process to start (serve.mcp's client starts `looplab serve`), not a
                // use.
                String code = STRING.matcher(Files.readString(f)).replaceAll("\"\"");
                Matcher m = USE.matcher(code);
                while (m.find()) {
                    String used = m.group(1).isEmpty()
                            ? ""
                            : m.group(1).substring(0, m.group(1).length() - 1);
                    if (used.isEmpty() || used.equals(own)) continue;
                    if (order.indexOf(used) < order.indexOf(own))
                        wrong.add(SOURCES.relativize(f) + " (" + own + ") uses " + used);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", new TreeSet<>(wrong)));
    }
}
