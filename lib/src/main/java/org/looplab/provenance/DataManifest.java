package org.looplab.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a data set (docs/data.md): how it was made and the identity of its arrays.
 *
 * @param kind      always {@code "data"}
 * @param puzzle    SUDOKU, MAZE, ARC or OTHER (what the tokens mean)
 * @param generator who made the arrays ({@code "looplab"} or {@code "trm-hrm-build-script"} for imports)
 * @param profile   smoke, cpu or gpu ({@code "unknown"} for imports)
 * @param seed      the one seed every random choice derives from (-1 when unknown)
 * @param counts    examples per split, e.g. {@code {"train": 3000, "test": 1000}}
 * @param config    the data set's spec (generator config included) or an imported {@code dataset.json}
 * @param files     SHA-256 of each array file, by path relative to the folder
 * @param sha256    SHA-256 over {@code files} (sorted "path sha" lines): the content hash of the data set
 * @param sources   SHA-256 of each input file the set was made from (empty for generated sets)
 * @param notes     deviations from the reference and other facts a reader needs
 */
public record DataManifest(
        String kind,
        String name,
        String puzzle,
        String generator,
        String profile,
        long seed,
        int vocab,
        int seqLen,
        Map<String, Integer> counts,
        JsonNode config,
        Map<String, String> files,
        String sha256,
        Map<String, String> sources,
        CodeVersion code,
        List<String> notes) {

    public DataManifest {
        if (!"data".equals(kind)) throw new IllegalArgumentException("a data manifest has kind \"data\", was " + kind);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("data set name is missing");
        if (vocab < 2) throw new IllegalArgumentException("vocab must be >= 2, was " + vocab);
        if (seqLen < 1) throw new IllegalArgumentException("seqLen must be >= 1, was " + seqLen);
        // Sorted, so manifest.json lists keys in the same order on every build.
        counts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
        sources = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sources));
        notes = List.copyOf(notes);
        if (!sha256.equals(combinedHash(files))) {
            throw new IllegalArgumentException("manifest of " + name + ": sha256 does not match its file hashes");
        }
    }

    /** The data set's content hash from its per-file hashes. */
    public static String combinedHash(Map<String, String> files) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(files)
                .forEach((path, sha) ->
                        lines.append(path).append(' ').append(sha).append('\n'));
        return ContentHash.of(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
