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
 * README's package table is the layout: it lists every package of {@code lib} and of the benchmarks module
 * ({@code bench/}), and a package uses only those listed after it (the root's {@code Profile} is open to all). Read
 * from the README itself, so the table cannot drift. The benchmarks are a module of their own so that {@code lib} is
 * the science alone: no benchmark class sits in {@code lib}, and nothing in {@code lib} names one.
 */
class LayoutTest {
    private static final Path README = Path.of("../README.md"); // tests run in lib/
    private static final Path SOURCES = Path.of("src/main/java/org/looplab");
    /** The benchmarks module's sources, beside lib. */
    private static final Path BENCH_SOURCES = Path.of("../bench/src/main/java/org/looplab");
    /** The one package the benchmarks module holds. */
    private static final String BENCH = "bench";

    private static final List<Path> MODULES = List.of(SOURCES, BENCH_SOURCES);
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

    private static String packageOf(Path root, Path file) {
        Path dir = root.relativize(file.getParent());
        return dir.toString().replace(java.io.File.separatorChar, '.');
    }

    /** Every Java source of both modules, each with the root it is under. */
    private static List<Path[]> sources() throws IOException {
        List<Path[]> out = new ArrayList<>();
        for (Path root : MODULES) {
            assertTrue(Files.isDirectory(root), root + ": missing");
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> out.add(new Path[] {root, f}));
            }
        }
        return out;
    }

    @Test
    void theTableListsEveryPackage() throws IOException {
        TreeSet<String> actual = new TreeSet<>();
        for (Path[] f : sources()) actual.add(packageOf(f[0], f[1]));
        assertEquals(actual, new TreeSet<>(table()), "README's package table against lib's and bench's sources");
    }

    @Test
    void theBenchmarksLiveInTheirOwnModuleAndLibNeverNamesThem() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path[] f : sources()) {
            String own = packageOf(f[0], f[1]);
            boolean inBench = f[0].equals(BENCH_SOURCES);
            if (inBench != (own.equals(BENCH) || own.startsWith(BENCH + ".")))
                wrong.add(
                        f[0].relativize(f[1]) + " (" + own + ") is in the " + (inBench ? "bench" : "lib") + " module");
            if (!inBench
                    && USE.matcher(Files.readString(f[1]))
                            .results()
                            .anyMatch(m -> m.group(1).startsWith(BENCH + ".")))
                wrong.add(f[0].relativize(f[1]) + " names a benchmark class");
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aPackageUsesOnlyThoseListedAfterIt() throws IOException {
        List<String> order = table();
        List<String> wrong = new ArrayList<>();
        for (Path[] rf : sources()) {
            Path f = rf[1];
            String own = packageOf(rf[0], f);
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
                    wrong.add(rf[0].relativize(f) + " (" + own + ") uses " + used);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", new TreeSet<>(wrong)));
    }
}
