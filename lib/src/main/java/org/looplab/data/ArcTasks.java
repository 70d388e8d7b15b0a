package org.looplab.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.looplab.provenance.Json;

/**
 * Loads ARC-AGI tasks in the public JSON form {@code {"train":[{"input":[[..]],"output":[[..]]}],"test":[..]}}.
 * Users put the public data in {@code data/arc/} (one file per task); the lab's own small fixtures live in
 * {@code data/fixtures/arc/}. Errors name the file and the place in it.
 */
public final class ArcTasks {
    private ArcTasks() {}

    public static final int MAX_SIDE = 30;

    /** All {@code *.json} tasks of a folder (not recursive), sorted by file name. */
    public static List<ArcTask> readFolder(Path folder) {
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException(folder + ": not a folder of ARC task files");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list", e);
        }
        List<ArcTask> tasks = new ArrayList<>();
        for (Path f : files) tasks.add(read(f));
        return tasks;
    }

    public static ArcTask read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        String name = file.getFileName().toString();
        return parse(text, name.endsWith(".json") ? name.substring(0, name.length() - 5) : name, file.toString());
    }

    /** Parses one task's JSON; {@code source} goes into error messages. */
    public static ArcTask parse(String json, String id, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject())
            throw new IllegalArgumentException(source + ": an ARC task is a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("train") && !key.equals("test")) {
                throw new IllegalArgumentException(
                        source + ": unknown key '" + key + "' (an ARC task has train and test)");
            }
        }
        return new ArcTask(id, pairs(root, "train", source, true), pairs(root, "test", source, false));
    }

    private static List<ArcTask.Pair> pairs(JsonNode root, String key, String source, boolean outputRequired) {
        JsonNode list = root.get(key);
        if (list == null || !list.isArray())
            throw new IllegalArgumentException(source + ": '" + key + "' must be a list of pairs");
        List<ArcTask.Pair> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": " + key + "[" + i + "]";
            JsonNode p = list.get(i);
            if (!p.isObject() || !p.has("input"))
                throw new IllegalArgumentException(where + ": a pair needs an 'input' grid");
            for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("input") && !k.equals("output"))
                    throw new IllegalArgumentException(where + ": unknown key '" + k + "'");
            }
            if (outputRequired && !p.has("output"))
                throw new IllegalArgumentException(where + ": a demonstration pair needs an 'output' grid");
            Grid input = grid(p.get("input"), where + ".input");
            Grid output = p.has("output") ? grid(p.get("output"), where + ".output") : null;
            out.add(new ArcTask.Pair(input, output));
        }
        return out;
    }

    /** A JSON list of rows of colours 0-9, 1..30 rows of 1..30 equal-length rows. */
    static Grid grid(JsonNode rows, String where) {
        if (rows == null || !rows.isArray() || rows.isEmpty())
            throw new IllegalArgumentException(where + ": a grid is a non-empty list of rows");
        int h = rows.size();
        int w = rows.get(0).isArray() ? rows.get(0).size() : -1;
        if (h > MAX_SIDE || w > MAX_SIDE) {
            throw new IllegalArgumentException(where + ": grid is " + h + "×" + w + "; ARC grids are at most 30×30");
        }
        byte[] cells = new byte[h * Math.max(w, 0)];
        for (int r = 0; r < h; r++) {
            JsonNode row = rows.get(r);
            if (!row.isArray() || row.size() != w || w < 1) {
                throw new IllegalArgumentException(where + ": row " + (r + 1) + " has "
                        + (row.isArray() ? row.size() : "no") + " cells, row 1 has " + w);
            }
            for (int c = 0; c < w; c++) {
                JsonNode v = row.get(c);
                if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 9) {
                    throw new IllegalArgumentException(
                            where + ": row " + (r + 1) + ", column " + (c + 1) + " is " + v + "; colours are 0-9");
                }
                cells[r * w + c] = (byte) v.asInt();
            }
        }
        return new Grid(h, w, cells);
    }
}
