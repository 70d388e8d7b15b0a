package org.looplab.sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Predicate;
import org.looplab.provenance.Json;
import org.looplab.provenance.LockFile;

/**
 * The claim of one process on one sweep cell, so that two tasks never write the same cell: a file created with
 * {@code O_EXCL} (atomic on local and NFS file systems) that names the holder. It lies beside the run folder
 * ({@code runs/FOLDER.lock}), not inside it, because every checkpoint swaps the whole run folder for a new one.
 * <p>
 * A lock left by a holder that is gone is taken over: the same job (a requeued Slurm task keeps its job id), a
 * process on this host that no longer exists, or a job the scheduler says has ended. Anything else is refused
 * with one line naming the file and the holder.
 */
public final class CellLock implements AutoCloseable {
    /** The suffix of a lock file beside a run folder. */
    public static final String SUFFIX = ".lock";

    /**
     * Who holds a cell.
     *
     * @param job   scheduler job id ({@code 1234_7} for a Slurm array task), or "local" for a process of its own
     * @param host  host name
     * @param pid   process id on that host
     * @param since when the lock was taken (ISO-8601)
     */
    public record Holder(String job, String host, long pid, String since) {
        public static Holder current(String job) {
            return new Holder(
                    job == null ? "local" : job,
                    hostName(),
                    ProcessHandle.current().pid(),
                    Instant.now().toString());
        }

        /** Whether this holder is a scheduler job, not a bare process (not named isJob: Jackson would write it as "job"). */
        public boolean scheduled() {
            return !job.equals("local");
        }

        @Override
        public String toString() {
            return (scheduled() ? "job " + job + " " : "") + "pid " + pid + " on " + host + " since " + since;
        }
    }

    private final Path file;
    private final Holder holder;

    private CellLock(Path file, Holder holder) {
        this.file = file;
        this.holder = holder;
    }

    /** The lock file of a run folder. */
    public static Path fileOf(Path runFolder) {
        return runFolder.resolveSibling(runFolder.getFileName() + SUFFIX);
    }

    /** The holder recorded in a lock file, or null if there is none. */
    public static Holder holderOf(Path lockFile) {
        String text = LockFile.read(lockFile);
        return text == null ? null : Json.read(text, Holder.class, lockFile.toString());
    }

    /**
     * Takes the lock of {@code runFolder} for {@code me}.
     *
     * @param ended says whether another holder's scheduler job has ended (its lock is then stale)
     * @param log   where a take-over is reported (may be null)
     */
    public static CellLock take(Path runFolder, Holder me, Predicate<Holder> ended, PrintStream log) {
        Path file = fileOf(runFolder);
        String text = Json.write(me);
        for (int attempt = 0; attempt < LockFile.ATTEMPTS; attempt++) {
            if (LockFile.tryCreate(file, text)) return new CellLock(file, me);
            String held = LockFile.read(file);
            if (held == null) continue; // released between our two calls: try again
            Holder other = Json.read(held, Holder.class, file.toString());
            String why = staleReason(other, me, ended);
            if (why == null)
                throw new IllegalStateException(
                        file + ": cell is being trained by " + other + "; if that is gone, delete this file");
            if (LockFile.takeOver(file, held, text)) {
                if (log != null) log.println("took over " + file + " (" + why + ")");
                return new CellLock(file, me);
            }
            LockFile.pause(); // another process is taking it over: its outcome decides
        }
        throw new IllegalStateException(file + ": could not be taken (other processes keep taking it)");
    }

    /** Why another holder's lock may be taken over, or null if it may not. */
    static String staleReason(Holder other, Holder me, Predicate<Holder> ended) {
        if (other.scheduled() && other.job().equals(me.job()))
            return "left by an earlier attempt of this job " + other.job();
        if (other.host().equals(me.host()) && LockFile.processGone(other.pid()))
            return "process " + other.pid() + " on this host is gone";
        if (other.scheduled() && ended.test(other)) return "job " + other.job() + " has ended";
        return null;
    }

    public Holder holder() {
        return holder;
    }

    /** Whether the lock file still names this holder (nobody took it over since). */
    public boolean held() {
        return holder.equals(holderOf(file));
    }

    /** Removes the lock file if it is still this holder's. */
    @Override
    public void close() {
        LockFile.releaseIfMine(file, Json.write(holder));
    }

    private static String hostName() {
        return LockFile.hostName();
    }
}
