package org.looplab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.looplab.provenance.LockFile;

/**
 * One writer per run folder: {@code run.lock} holds the writer's pid and host. A second {@code train} into the same
 * folder is refused instead of interleaving its metrics with the first's; a lock left by a process that no longer
 * runs on this host (kill -9, power loss) is taken over with a message on stderr.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "run.lock";
    private final Path file;
    private final String owner;

    private RunLock(Path file, String owner) {
        this.file = file;
        this.owner = owner;
    }

    /** Takes the lock of {@code folder} (creating the folder), or fails naming the process that holds it. */
    public static RunLock acquire(Path folder) {
        Path f = folder.resolve(FILE);
        String me = ProcessHandle.current().pid() + " " + host() + "\n";
        for (int attempt = 0; attempt < 2; attempt++) {
            if (LockFile.tryCreate(f, me)) return new RunLock(f, me);
            String holder = LockFile.read(f);
            if (holder == null) continue; // released between our two calls: try again
            if (!isStale(holder))
                throw new IllegalStateException(folder + ": in use by process " + describe(holder) + " (" + f
                        + "); wait for it, or delete that file if no such process runs");
            System.err.println(
                    folder + ": taking over the lock of process " + describe(holder) + ", which no longer runs");
            LockFile.remove(f);
        }
        throw new IllegalStateException(
                folder + ": another process took the lock " + f + " while this one was" + " taking over a stale one");
    }

    /**
     * Removes a lock taken on another host, saying so. Only for a caller that already holds a stronger lock on the
     * folder (a sweep cell's {@code CellLock}, which asks the scheduler whether that job still runs): this host cannot
     * tell whether another host's pid is alive, so {@link #acquire} alone never takes such a lock over.
     */
    public static void releaseForeign(Path folder) {
        Path f = folder.resolve(FILE);
        try {
            if (!Files.isRegularFile(f)) return;
            String holder = Files.readString(f, StandardCharsets.UTF_8);
            String[] parts = holder.trim().split("\\s+", 2);
            if (parts.length < 2 || parts[1].equals(host())) return; // this host's locks: acquire decides
            System.err.println(folder + ": removing the run lock of process " + describe(holder)
                    + " (another host; this cell's lock says that job no longer runs it)");
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lock of " + folder, e);
        }
    }

    /**
     * Who writes {@code folder} now, as "PID on HOST", or empty when nobody does (no lock, or a stale one of this
     * host). A lock of another host is reported as held: this host cannot tell whether that process still runs.
     */
    public static java.util.Optional<String> holder(Path folder) {
        String holder = LockFile.read(folder.resolve(FILE));
        if (holder == null || isStale(holder)) return java.util.Optional.empty();
        return java.util.Optional.of(describe(holder));
    }

    /** A lock is stale when its process is gone and it was taken on this host (another host's pids mean nothing here). */
    static boolean isStale(String holder) {
        String[] parts = holder.trim().split("\\s+", 2);
        if (parts.length < 2) return false; // unreadable: refuse, naming the file, rather than guess
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        return parts[1].equals(host()) && LockFile.processGone(pid);
    }

    private static String describe(String holder) {
        String[] parts = holder.trim().split("\\s+", 2);
        return parts.length < 2 ? "'" + holder.trim() + "'" : parts[0] + " on " + parts[1];
    }

    static String host() {
        return LockFile.hostName();
    }

    /** Releases the lock if it is still this process's. */
    @Override
    public void close() {
        LockFile.releaseIfMine(file, owner);
    }
}
