package org.looplab.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The shape both of LoopLab's locks share ({@code train.RunLock}, one writer per run folder, and
 * {@code sweep.CellLock}, one task per sweep cell): a file created with {@code O_EXCL} (atomic on local and NFS file
 * systems) whose text names its holder, taken over only when that holder is gone, and removed on release only while
 * it is still the releaser's. What the text says, and when a holder counts as gone, is each lock's own: a run lock is
 * {@code "pid host"}, a cell lock a JSON holder with the scheduler's job id (the scheduler can tell whether a job on
 * another host has ended; a bare pid on another host means nothing here).
 */
public final class LockFile {
    private LockFile() {}

    /** Creates {@code file} (and its folder) holding {@code text}; false when it exists already. */
    public static boolean tryCreate(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException held) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The holder's text, or null when there is no file (released between a failed create and this read). */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Whether process {@code pid} of this host is gone. Callers check first that the holder's host is this one: another
     * host's pids mean nothing here.
     */
    public static boolean processGone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** Removes a stale lock before the next {@link #tryCreate}. */
    public static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    /** Removes {@code file} if it still holds {@code mine}: a lock taken over by another process stays its. */
    public static void releaseIfMine(Path file, String mine) {
        if (mine.equals(read(file))) remove(file);
    }

    /** This host's name as locks record it. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown";
        }
    }
}
