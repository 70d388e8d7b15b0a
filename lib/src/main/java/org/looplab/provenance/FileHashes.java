package org.looplab.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SHA256SUMS} of a folder: the SHA-256 of the files that say what the folder is (a checkpoint's
 * {@code config.json} and weights, a run's {@code manifest.json}), in the format of {@code sha256sum}, so
 * {@code sha256sum -c SHA256SUMS} checks them too. A reader verifies a file before trusting it: an edited config or
 * manifest would otherwise let an evaluation run another model or data set than the one recorded.
 *
 * @param folder the folder the paths are relative to
 * @param sha256 SHA-256 (lower-case hex) by relative path
 */
public record FileHashes(Path folder, Map<String, String> sha256) {
    public static final String FILE = "SHA256SUMS";

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](\\S.*)");

    public FileHashes {
        sha256 = Collections.unmodifiableSortedMap(new TreeMap<>(sha256));
    }

    /** Hashes {@code files} (relative to {@code folder}, each must exist) and writes the list atomically. */
    public static FileHashes record(Path folder, List<String> files) {
        Map<String, String> sums = new TreeMap<>();
        for (String f : files) sums.put(f, ContentHash.of(folder.resolve(f)));
        FileHashes hashes = new FileHashes(folder, sums);
        StringBuilder text = new StringBuilder();
        hashes.sha256.forEach(
                (f, sha) -> text.append(sha).append("  ").append(f).append('\n'));
        AtomicFiles.writeString(folder.resolve(FILE), text.toString());
        return hashes;
    }

    /** The list in {@code folder}, or null when there is none (folders written before hashes were recorded). */
    public static FileHashes read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        Map<String, String> sums = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            Matcher m = LINE.matcher(lines.get(i));
            if (!m.matches())
                throw new IllegalArgumentException(
                        file + ": line " + (i + 1) + " is not '<sha256>  <file>': '" + lines.get(i) + "'");
            sums.put(m.group(2), m.group(1));
        }
        return new FileHashes(folder, sums);
    }

    /**
     * Checks {@code file} (relative to the folder) against {@code folder/SHA256SUMS}. Passes when the folder has no
     * list or the list does not name the file (written before hashes were recorded); fails, naming the file, when
     * its bytes differ from the recorded hash or it is missing.
     */
    public static void verify(Path folder, String file) {
        FileHashes hashes = read(folder);
        if (hashes != null) hashes.check(file);
    }

    /** See {@link #verify}. */
    public void check(String file) {
        String expected = sha256.get(file);
        if (expected == null) return;
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path))
            throw new IllegalArgumentException(path + ": missing, but " + folder.resolve(FILE) + " lists it");
        String actual = ContentHash.of(path);
        if (!actual.equals(expected))
            throw new IllegalArgumentException(
                    path + ": changed after it was written (sha256 " + actual.substring(0, 12)
                            + "…, " + FILE + " records " + expected.substring(0, 12) + "…); refusing to load an edited "
                            + path.getFileName() + ": restore it, or write the run again");
    }
}
