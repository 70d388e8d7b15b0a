package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.looplab.analysis.TracedPuzzles;

/**
 * The viewer in a real browser: headless Chromium opens the exported page, the {@code #autostep=K} hook presses
 * "step" K times, and the dumped DOM must show step K of a hand-made trace whose cell states are known. The
 * screenshot stays in {@code target/trace-viewer.png} as a build artifact.
 */
class TraceViewerBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target");
    private static Path page;

    // 4×4 solution 1234/3412/2143/4321 as tokens digit+1; givens at cells 0, 5, 10, 15.
    private static final int[] TARGET = {2, 3, 4, 5, 4, 5, 2, 3, 3, 2, 5, 4, 5, 4, 3, 2};

    private static int[] input() {
        int[] in = new int[16];
        for (int c = 0; c < 16; c++) in[c] = c % 5 == 0 ? TARGET[c] : 1;
        return in;
    }

    private static int[] answer(int... wrongCells) {
        int[] a = TARGET.clone();
        for (int c : wrongCells) a[c] = TARGET[c] == 2 ? 3 : 2;
        return a;
    }

    private static TracedPuzzles.Step step(int[] answer, float halt) {
        float[] bars = new float[16];
        for (int i = 0; i < 16; i++) bars[i] = (i + 1) * halt;
        return new TracedPuzzles.Step(answer, halt, bars, 1 - halt);
    }

    /**
     * Puzzle 0 halts at step 3 (0.6 ≥ 0.5): step 1 wrong at cells 1, 2, 3; step 2 fixes cell 1; step 3 fixes cell 2
     * (the only change), step 4 fixes cell 3. Puzzle 1 never reaches 0.5 and is right from step 1.
     */
    static TracedPuzzles handMade() {
        var easy = new TracedPuzzles.Puzzle(
                7,
                "easy",
                0,
                4,
                input(),
                TARGET,
                3,
                List.of(
                        step(answer(1, 2, 3), 0.1f),
                        step(answer(2, 3), 0.3f),
                        step(answer(3), 0.6f),
                        step(answer(), 0.9f)));
        var hard = new TracedPuzzles.Puzzle(
                9,
                "hard",
                3,
                4,
                input(),
                TARGET,
                0,
                List.of(step(answer(), 0.1f), step(answer(), 0.2f), step(answer(), 0.3f), step(answer(), 0.4f)));
        List<String> symbols = List.of("", "", "1", "2", "3", "4");
        return new TracedPuzzles(
                "hand-made trace", "none (hand-made)", "two 4×4 puzzles", 0.5, "test", 4, symbols, List.of(easy, hard));
    }

    @BeforeAll
    static void writePage() throws IOException {
        Files.createDirectories(OUT);
        page = OUT.resolve("trace-viewer-test.html").toAbsolutePath();
        TraceViewer.write(handMade(), page);
    }

    private static void requireChromium() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "browser test skipped: /usr/bin/chromium is absent (apt-get install -y --no-install-recommends chromium)");
    }

    /** Runs headless Chromium on the page with {@code hash}; returns stdout (the DOM for --dump-dom). */
    static String chromium(Path file, String hash, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(OUT.toAbsolutePath(), "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=2000"));
        cmd.addAll(List.of(extra));
        cmd.add(file.toUri() + hash);
        Path log = OUT.resolve("chromium.log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + String.join(" ", cmd));
        }
        assertEquals(0, p.exitValue(), "chromium failed, see " + log.toAbsolutePath() + ": " + Files.readString(log));
        return out;
    }

    /** data-cell → class of each cell in {@code panel}, read from the dumped DOM. */
    static Map<Integer, String> cells(String dom, String panel) {
        Map<Integer, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<div ([^>]*data-panel=\"" + panel + "\"[^>]*)>")
                .matcher(dom);
        while (m.find()) {
            String attrs = m.group(1);
            Matcher cell = Pattern.compile("data-cell=\"(\\d+)\"").matcher(attrs);
            Matcher cls = Pattern.compile("class=\"([^\"]*)\"").matcher(attrs);
            assertTrue(cell.find() && cls.find(), attrs);
            out.put(Integer.parseInt(cell.group(1)), " " + cls.group(1) + " ");
        }
        return out;
    }

    private static String attribute(String dom, String id, String name) {
        Matcher m = Pattern.compile("<[^>]*id=\"" + id + "\"[^>]*>").matcher(dom);
        assertTrue(m.find(), "no #" + id + " in the DOM");
        Matcher a = Pattern.compile(name + "=\"([^\"]*)\"").matcher(m.group());
        assertTrue(a.find(), "#" + id + " has no " + name + ": " + m.group());
        return a.group(1);
    }

    @Test
    void steppingThreeTimesShowsStepThreeWithItsCellStates() throws Exception {
        requireChromium();
        String dom = chromium(page, "#autostep=3", "--dump-dom");
        assertEquals("true", attribute(dom, "looplab-trace-[0-9a-f]+", "data-ready"), "the script ran to its end");
        assertEquals("3", attribute(dom, "step-label", "data-step"));
        assertTrue(dom.contains(">iter 3 of 4<"), "step label text");
        assertEquals("0.6000", attribute(dom, "halt-label", "data-halt"));
        assertEquals("halted", attribute(dom, "status", "data-state")); // 0.6 reached the 0.5 threshold at step 3
        assertEquals("1", attribute(dom, "answer-summary", "data-wrong")); // cell 3 is still wrong
        Map<Integer, String> answer = cells(dom, "answer");
        assertEquals(16, answer.size());
        assertTrue(answer.get(0).contains(" given "), answer.get(0));
        assertTrue(answer.get(2).contains(" correct ") && answer.get(2).contains(" changed "), answer.get(2));
        assertTrue(answer.get(3).contains(" wrong ") && !answer.get(3).contains(" changed "), answer.get(3));
        assertTrue(answer.get(1).contains(" correct ") && !answer.get(1).contains(" changed "), answer.get(1));
        assertEquals(
                1,
                answer.values().stream().filter(c -> c.contains(" changed ")).count(),
                "only cell 2 changed at step 3");
        assertEquals(
                4, answer.values().stream().filter(c -> c.contains(" given ")).count());
        Map<Integer, String> input = cells(dom, "input");
        assertEquals(
                4, input.values().stream().filter(c -> c.contains(" given ")).count());
        assertEquals(16, Pattern.compile("data-bar=\"").matcher(dom).results().count());
        assertFalse(dom.contains("src=\"http"), "nothing is fetched");
    }

    @Test
    void newPuzzleCyclesAndANeverHaltingPuzzleStopsAtTheCap() throws Exception {
        requireChromium();
        String dom = chromium(page, "#puzzle=1&autostep=4", "--dump-dom");
        assertEquals("1", attribute(dom, "puzzle-label", "data-puzzle"));
        assertTrue(dom.contains("puzzle 2 of 2 · hard"), "puzzle label");
        assertEquals("4", attribute(dom, "step-label", "data-step"));
        assertEquals("capped", attribute(dom, "status", "data-state"));
        assertEquals(
                12,
                cells(dom, "answer").values().stream()
                        .filter(c -> c.contains(" correct "))
                        .count());
        // Stepping past the end stays at the last step; back to 0 clears the answer.
        String wrapped = chromium(page, "#puzzle=2&autostep=9", "--dump-dom");
        assertEquals("0", attribute(wrapped, "puzzle-label", "data-puzzle")); // two puzzles: the third press wraps
        assertEquals("4", attribute(wrapped, "step-label", "data-step"));
    }

    @Test
    void screenshotIsKeptAsABuildArtifact() throws Exception {
        requireChromium();
        Path png = OUT.resolve("trace-viewer.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium(page, "#autostep=2", "--screenshot=" + png, "--window-size=1200,800", "--hide-scrollbars");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(800, img.getHeight());
    }
}
