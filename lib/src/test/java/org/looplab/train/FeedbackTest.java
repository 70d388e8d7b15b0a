package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackTest {

    @Test
    void metricsAppendAndResumeFromTheLastStep(@TempDir Path dir) throws Exception {
        var log = new MetricsLog(dir.resolve("run/metrics.jsonl"));
        assertEquals(0, log.lastStep());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", 10);
        row.put("loss", 1.5);
        log.append(row);
        log.append(Map.of("step", 20, "loss", 0.5));
        var again = new MetricsLog(dir.resolve("run/metrics.jsonl")); // a resumed run reopens the file
        assertEquals(20, again.lastStep());
        assertEquals(2, again.read().size());
        assertTrue(Files.readAllLines(log.file()).get(0).startsWith("{\"step\":10,\"loss\":1.5}"));
    }

    @Test
    void aMalformedLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, "{\"step\":1}\n{broken\n");
        var e = assertThrows(IllegalArgumentException.class, () -> new MetricsLog(f).read());
        assertTrue(e.getMessage().contains(f + ":2"), e.getMessage());
    }

    @Test
    void progressLineShowsShareRateAndEta() {
        var bar = new ProgressBar(new PrintStream(PrintStream.nullOutputStream()), 200, "steps");
        String line = bar.line(50, 10.0, "loss 0.41");
        assertEquals("[######------------------]  25% 50/200 steps  5.0 steps/s  ETA 30s  loss 0.41", line);
        assertEquals("2m05s", ProgressBar.format(java.time.Duration.ofSeconds(125)));
        assertEquals("1h01m", ProgressBar.format(java.time.Duration.ofSeconds(3660)));
    }
}
