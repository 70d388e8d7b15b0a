package org.looplab.train;

import com.fasterxml.jackson.databind.JsonNode;
import org.looplab.provenance.Json;

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

/**
 * Training metrics as JSON lines ({@code metrics.jsonl}): one object per logged step, appended and flushed, so a
 * crash loses at most the line being written and a resumed run continues the same file.
 */
public final class MetricsLog {
    private final Path file;

    public MetricsLog(Path file) {
        this.file = file;
    }

    public Path file() { return file; }

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

    /** Every line so far; a malformed line is an error naming the file and line number. */
    public List<JsonNode> read() {
        List<JsonNode> rows = new ArrayList<>();
        if (!Files.exists(file)) return rows;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                try {
                    rows.add(Json.mapper().readTree(lines.get(i)));
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a JSON object: " + lines.get(i), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    /** The largest {@code step} logged, or 0. */
    public long lastStep() {
        return read().stream().filter(r -> r.has("step")).mapToLong(r -> r.get("step").asLong()).max().orElse(0);
    }

    private static Map<String, JsonNode> toNodes(Map<String, ?> values) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        values.forEach((k, v) -> nodes.put(k, Json.mapper().valueToTree(v)));
        return nodes;
    }
}
