package org.looplab.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.Json;

/**
 * Training metrics as JSON lines ({@code metrics.jsonl}): one object per logged step, appended and flushed, so a
 * crash loses at most the line being written and a resumed run continues the same file. Every line ends with a
 * newline: a last line without one was cut by a kill, and {@link #read()} drops it with a warning. A resumed run
 * first {@link #truncateAfter truncates} the file to its checkpoint's step, so what is on disk after any kill is a
 * prefix of what an uninterrupted run writes.
 */
public final class MetricsLog {
    private final Path file;

    public MetricsLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends one line; {@code values} keep their insertion order. */
    public void append(Map<String, ?> values) {
        String line = Json.mapper().createObjectNode().setAll(toNodes(values)).toString() + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Every complete line as {@link TrainingMetrics} (a run's history, e.g. a shipped checkpoint's curve). */
    public List<TrainingMetrics> history() {
        return read().stream().map(TrainingMetrics::fromJson).toList();
    }

    /**
     * Every complete line so far; a malformed complete line is an error naming the file and line number, a torn
     * last line (no newline: the writer was killed mid-line) is dropped with a warning on stderr.
     */
    public List<JsonNode> read() {
        List<JsonNode> rows = new ArrayList<>();
        if (!Files.exists(file)) return rows;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String[] lines = text.split("\n", -1); // the last element is what follows the last newline
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            if (i == lines.length - 1) {
                System.err.println(file + ":" + (i + 1) + ": dropped a torn last line (no newline; the run was killed"
                        + " while writing it): " + abbreviate(line));
                break;
            }
            try {
                rows.add(Json.mapper().readTree(line));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a JSON object: " + line, e);
            }
        }
        return rows;
    }

    /**
     * Keeps only the complete lines with {@code step <= lastStep} (a resumed run's checkpoint step): the lines a run
     * wrote after its last checkpoint, and a torn last line, would otherwise appear twice or out of order. Rewrites
     * the file atomically, and only if something goes; returns how many lines went.
     */
    public int truncateAfter(long lastStep) {
        if (!Files.exists(file)) return 0;
        String now;
        try {
            now = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String[] lines = now.split("\\n", -1);
        StringBuilder kept = new StringBuilder();
        int dropped = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            boolean torn = i == lines.length - 1;
            if (!torn && stepOf(lines[i], i) <= lastStep) kept.append(lines[i]).append('\n');
            else dropped++;
        }
        if (dropped > 0) AtomicFiles.writeString(file, kept.toString());
        return dropped;
    }

    private long stepOf(String line, int index) {
        try {
            return Json.mapper().readTree(line).path("step").asLong();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ":" + (index + 1) + ": not a JSON object: " + line, e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /** The largest {@code step} logged, or 0. */
    public long lastStep() {
        return read().stream()
                .filter(r -> r.has("step"))
                .mapToLong(r -> r.get("step").asLong())
                .max()
                .orElse(0);
    }

    private static Map<String, JsonNode> toNodes(Map<String, ?> values) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        values.forEach((k, v) -> nodes.put(k, Json.mapper().valueToTree(v)));
        return nodes;
    }
}
