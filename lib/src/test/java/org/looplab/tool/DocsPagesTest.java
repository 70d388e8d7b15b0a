package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The front door and the pages behind it: the README fits a few screens and links every docs page; dated narration
 * lives in docs/journal.md only; and no committed page, JSON record or notebook holds a machine's absolute path.
 */
class DocsPagesTest {
    static final Path ROOT = GeneratedDocsTest.ROOT;

    @Test
    void theReadmeIsAtMost250LinesAndLinksEveryDocsPage() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        long lines = readme.lines().count();
        assertTrue(lines <= 250, "README.md has " + lines + " lines (at most 250)");
        for (Path page : GeneratedDocsTest.pages())
            if (page.getParent().endsWith("docs"))
                assertTrue(
                        readme.contains("](docs/" + page.getFileName() + ")"),
                        "README.md does not link docs/" + page.getFileName());
    }

    /** A date such as 2026-12-06: the journal's, and the heading of a benchmark record, which is a dated run. */
    static final Pattern DATE = Pattern.compile("\\b20\\d\\d-\\d\\d-\\d\\d\\b");

    @Test
    void datesAppearOnlyInTheJournalAndInBenchmarkRecordHeadings() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : GeneratedDocsTest.pages()) {
            if (page.getFileName().toString().equals("journal.md")) continue;
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("## Record:")) continue;
                Matcher m = DATE.matcher(line.replaceAll("protocol 20\\d\\d-\\d\\d-\\d\\d", "protocol"));
                if (m.find()) found.add(page + ":" + (i + 1) + ": " + m.group());
            }
        }
        assertTrue(found.isEmpty(), "dated narration belongs in docs/journal.md: " + found);
    }

    /** The roots a machine's own files live under; a record or page must name paths relative to its run or data root. */
    static final Pattern ABSOLUTE =
            Pattern.compile("(?<![\\w.~$}-])/(work|home|root|Users|tmp|mnt|srv|scratch|opt|var|data|private)/");

    @Test
    void noCommittedRecordOrPageHoldsAnAbsoluteMachinePath() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(GeneratedDocsTest.pages());
        for (String dir : List.of("data", "experiments", "notebooks"))
            try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName()
                                .toString()
                                .startsWith("hs_err_pid")) // a JVM crash log, never committed
                        .filter(p -> p.toString().endsWith(".json")
                                || p.toString().endsWith(".ipynb")
                                || p.toString().endsWith(".md")
                                || p.toString().endsWith(".txt")
                                || p.toString().endsWith(".log"))
                        .forEach(files::add);
            }
        for (Path f : files) {
            if (Files.size(f) > 50_000_000) continue;
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = ABSOLUTE.matcher(lines.get(i));
                if (m.find()) found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        assertTrue(
                found.isEmpty(),
                found.size() + " absolute paths, first: " + found.subList(0, Math.min(10, found.size())));
    }
}
