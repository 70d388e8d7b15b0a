package org.looplab.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
        target = throughLink(target);
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = sibling(parent, target.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
     * If {@code writer} fails, the old {@code target} is untouched and the temporary folder is removed. A target that
     * is a symbolic link is written where the link points, and the link stays.
     */
    public static void writeFolder(Path target, FolderWriter writer) {
        Path abs = throughLink(target).toAbsolutePath();
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = sibling(parent, abs.getFileName().toString(), "");
            Files.createDirectory(tmp);
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
     * The result gets the replaced file's mode, or rw-r--r-- for a new file: a page or table meant to be shared must
     * not end up readable by its owner only, whatever the process's umask.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Files.setPosixFilePermissions(
                tmp,
                Files.exists(target)
                        ? Files.getPosixFilePermissions(target)
                        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    /**
     * A fresh hidden name beside the target. Not {@code Files.createTemp*}: those create mode 0600/0700, and the
     * renamed result would keep that mode instead of the usual one (umask), e.g. a run folder's model/ unreadable by
     * the group that reads the rest of the folder.
     */
    private static Path sibling(Path parent, String name, String suffix) {
        return parent.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Where a write to {@code target} goes: a symbolic link's target, so that a user's link (a data set kept on
     * another disk) stays a link instead of being swapped for a copy. A dangling link is written through as well.
     */
    private static Path throughLink(Path target) {
        if (!Files.isSymbolicLink(target)) return target;
        try {
            if (Files.exists(target)) return target.toRealPath(); // a chain of links, or a loop (an error naming it)
            return target.toAbsolutePath()
                    .getParent()
                    .resolve(Files.readSymbolicLink(target))
                    .normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the link " + target, e);
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
