package org.looplab.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * The list a {@link #replaceRecorded} is about to make current: written before the file it hashes, promoted after.
     * A kill between the two renames leaves the new file beside the old list; this one vouches for it.
     */
    public static final String NEXT = FILE + ".next";

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

    /**
     * Replaces {@code name} in {@code folder} with {@code text} and makes the list record only its hash, so that no
     * kill at any moment leaves a file the list refuses: the new list goes to {@link #NEXT} first, then the file is
     * swapped in, then {@code NEXT} becomes {@link #FILE} (each step an atomic rename). Killed before the file's
     * rename, the old file still matches the old list; killed after it, {@code NEXT} matches the new file and
     * {@link #check} accepts it ({@link #settle} tidies up when the folder's writer comes back).
     */
    public static void replaceRecorded(Path folder, String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeString(folder.resolve(NEXT), line(ContentHash.of(bytes), name));
        AtomicFiles.writeBytes(folder.resolve(name), bytes);
        try {
            Files.move(
                    folder.resolve(NEXT),
                    folder.resolve(FILE),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the hash of " + folder.resolve(name), e);
        }
    }

    /**
     * Finishes or undoes a {@link #replaceRecorded} that a kill interrupted: promotes {@link #NEXT} when every file it
     * lists matches it, else removes it (the kill came before the file was replaced). Only the folder's writer may
     * call it (a run holds its lock): a reader that settled a folder mid-write would pull the list from under it.
     */
    public static void settle(Path folder) {
        Path next = folder.resolve(NEXT);
        if (!Files.isRegularFile(next)) return;
        try {
            if (readList(next, folder).matchesAll())
                Files.move(
                        next,
                        folder.resolve(FILE),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            else Files.delete(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot settle " + next, e);
        }
    }

    private boolean matchesAll() {
        for (Map.Entry<String, String> e : sha256.entrySet()) {
            Path p = folder.resolve(e.getKey());
            if (!Files.isRegularFile(p) || !ContentHash.of(p).equals(e.getValue())) return false;
        }
        return true;
    }

    private static String line(String sha, String name) {
        return sha + "  " + name + "\n";
    }

    /** The list in {@code folder}, or null when there is none (folders written before hashes were recorded). */
    public static FileHashes read(Path folder) {
        Path file = folder.resolve(FILE);
        return Files.isRegularFile(file) ? readList(file, folder) : null;
    }

    private static FileHashes readList(Path file, Path folder) {
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

    /** The hash {@link #NEXT} records for {@code file}: the write a kill cut short, if any; else null. */
    private String pending(String file) {
        Path next = folder.resolve(NEXT);
        return Files.isRegularFile(next) ? readList(next, folder).sha256.get(file) : null;
    }

    /** See {@link #verify}. */
    public void check(String file) {
        String expected = sha256.get(file);
        if (expected == null) return;
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path))
            throw new IllegalArgumentException(path + ": missing, but " + folder.resolve(FILE) + " lists it");
        String actual = ContentHash.of(path);
        if (!actual.equals(expected) && !actual.equals(pending(file)))
            throw new IllegalArgumentException(
                    path + ": changed after it was written (sha256 " + actual.substring(0, 12)
                            + "…, " + FILE + " records " + expected.substring(0, 12) + "…); refusing to load an edited "
                            + path.getFileName() + ": restore it, or write the run again");
    }
}
