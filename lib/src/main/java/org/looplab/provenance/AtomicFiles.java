package org.looplab.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes that never leave a half-written file or folder behind: write beside the target, then rename.
 * A crash mid-write leaves the old content (or nothing), never a corrupt data set or checkpoint.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that fills a fresh temporary folder. */
    @FunctionalInterface
    public interface FolderWriter {
        void writeInto(Path tempFolder) throws IOException;
    }

    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] bytes) {
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
            try {
                Files.write(tmp, bytes);
                keepPermissions(tmp, target);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Fills a temporary sibling folder, then swaps it in for {@code target} (replacing an older one).
     * If {@code writer} fails, the old {@code target} is untouched and the temporary folder is removed.
     */
    public static void writeFolder(Path target, FolderWriter writer) {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".");
            Path old = parent.resolve("." + abs.getFileName() + ".old");
            try {
                writer.writeInto(tmp);
                deleteTree(old);
                if (Files.exists(abs)) Files.move(abs, old);
                move(tmp, abs);
                deleteTree(old);
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * A temp file is created owner-only (0600); renamed as is, a page or table meant to be shared would end up
     * unreadable to others. The result gets the replaced file's mode, or rw-r--r-- for a new file.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a folder and everything in it; a missing folder is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
