package org.looplab.train;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
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
        for (int attempt = 0; attempt < LockFile.ATTEMPTS; attempt++) {
            if (LockFile.tryCreate(f, me)) return new RunLock(f, me);
            String holder = LockFile.read(f);
            if (holder == null) continue; // released between our two calls: try again
            if (!isStale(holder))
                throw new IllegalStateException(folder + ": in use by process " + describe(holder) + " (" + f
                        + "); wait for it, or delete that file if no such process runs");
            if (LockFile.takeOver(f, holder, me)) {
                System.err.println(
                        folder + ": took over the lock of process " + describe(holder) + ", which no longer runs");
                return new RunLock(f, me);
            }
            LockFile.pause(); // another process is taking it over: its outcome decides
        }
        throw new IllegalStateException(
                folder + ": another process took the lock " + f + " while this one was" + " taking over a stale one");
    }

    /**
     * Removes a lock taken on another host, saying so. Only for the holder of a stronger lock on the folder (a sweep
     * cell's {@code CellLock}, which asks the scheduler whether that job still runs), checked again here through
     * {@code holdsCellLock} right before: this host cannot tell whether another host's pid is alive, so
     * {@link #acquire} alone never takes such a lock over. The removal compares and deletes as one step
     * ({@link LockFile#removeIfHolds}), so it never removes a lock that another process took meanwhile.
     */
    public static void releaseForeign(Path folder, BooleanSupplier holdsCellLock) {
        Path f = folder.resolve(FILE);
        String holder = LockFile.read(f);
        if (holder == null) return;
        String[] parts = holder.trim().split("\\s+", 2);
        if (parts.length < 2 || parts[1].equals(host())) return; // this host's locks: acquire decides
        if (!holdsCellLock.getAsBoolean())
            throw new IllegalStateException(folder + ": the run lock of process " + describe(holder)
                    + " (another host) may be removed only by the holder of this cell's lock, and this process no"
                    + " longer holds it");
        if (LockFile.removeIfHolds(f, holder))
            System.err.println(folder + ": removed the run lock of process " + describe(holder)
                    + " (another host; this cell's lock says that job no longer runs it)");
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
