package org.looplab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The code cells of a Jupyter notebook (nbformat 4), in order: what %load of a notebook runs. */
final class NotebookCells {

    private NotebookCells() {}

    /**
     * @return each code cell's source; empty cells are left out
     * @throws MagicArgumentException naming the file if it is not an nbformat 4 notebook
     */
    static List<String> codeOf(Path notebook) throws IOException {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(notebook, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new MagicArgumentException(
                    "load", notebook + " is not a notebook (not JSON: " + e.getMessage() + ")");
        }
        JsonElement cells = root.isJsonObject() ? root.getAsJsonObject().get("cells") : null;
        if (cells == null || !cells.isJsonArray()) {
            throw new MagicArgumentException("load", notebook + " is not an nbformat 4 notebook (no \"cells\" list)");
        }
        List<String> code = new ArrayList<>();
        for (JsonElement cell : cells.getAsJsonArray()) {
            JsonObject c = cell.getAsJsonObject();
            if (c.has("cell_type") && "code".equals(c.get("cell_type").getAsString())) {
                String source = source(c.get("source"));
                if (!source.isBlank()) {
                    code.add(source);
                }
            }
        }
        return code;
    }

    /** nbformat stores a cell's source as one string or as a list of lines (each keeping its "\n"). */
    private static String source(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (!source.isJsonArray()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        JsonArray lines = source.getAsJsonArray();
        lines.forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }
}
