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
 * systems) whose text names its holder, taken over only when that holder is gone and then atomically
 * ({@link #takeOver}: one winner however many processes find it stale at once), and removed on release only while it
 * is still the releaser's. What the text says, and when a holder counts as gone, is each lock's own: a run lock is
 * {@code "pid host"}, a cell lock a JSON holder with the scheduler's job id (the scheduler can tell whether a job on
 * another host has ended; a bare pid on another host means nothing here).
 */
public final class LockFile {
    private LockFile() {}

    /**
     * Creates {@code file} (and its folder) holding {@code text}; false when it exists already. The text is written to
     * a private file first and then hard-linked to the lock's name ({@code link(2)} fails when the name exists: atomic
     * on local and NFS file systems), so a reader never sees a lock that exists but is still empty.
     */
    public static boolean tryCreate(Path file, String text) {
        Path folder = file.toAbsolutePath().getParent();
        Path draft = folder.resolve("." + file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36));
        try {
            Files.createDirectories(folder);
            Files.writeString(
                    draft, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.createLink(file, draft);
            return true;
        } catch (FileAlreadyExistsException held) {
            return false;
        } catch (UnsupportedOperationException noLinks) { // a file system without hard links: create, then write
            return createThenWrite(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            remove(draft);
        }
    }

    private static boolean createThenWrite(Path file, String text) {
        try {
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

    /** How often a taker tries before giving up: others' takeovers last milliseconds, {@link #pause} between tries. */
    public static final int ATTEMPTS = 200;

    /** The wait between two tries while another process takes a lock over. */
    public static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a lock", e);
        }
    }

    /** How long a takeover claim may stand before it counts as left by a killed taker (a takeover takes ms). */
    static final long CLAIM_STALE_MILLIS = 60_000;

    /**
     * Takes over a lock judged stale: removes {@code file} only if it still holds {@code stale}, then creates it
     * holding {@code mine}. True when this process now holds the lock; false when another process took it first (the
     * caller reads the new holder and decides again). Safe when several processes find the same stale lock at once,
     * on one host or across hosts on a shared file system: see {@link #removeIfHolds}.
     */
    public static boolean takeOver(Path file, String stale, String mine) {
        return removeIfHolds(file, stale) && tryCreate(file, mine);
    }

    /**
     * Removes {@code file} if it holds {@code text}, as one step for every process that goes through here. A plain
     * read-compare-delete is not: two processes that both read a stale lock would both delete, the second deleting
     * the first one's fresh lock, and both would go on as holders. So the compare and the delete happen under a claim,
     * {@code FILE.takeover}, created with {@code O_EXCL}: only its holder compares and deletes, and while the lock
     * file exists nobody else can create it. A claim left by a taker that was killed within those milliseconds is
     * cleared once its process is gone (this host) or it is a minute old (another host).
     *
     * @return true when this call removed the file; false when it held something else, was gone, or another process
     *     was taking it over at that moment
     */
    public static boolean removeIfHolds(Path file, String text) {
        Path claim = file.resolveSibling(file.getFileName() + ".takeover");
        String me = ProcessHandle.current().pid() + " " + hostName() + " "
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + "\n";
        if (!tryCreate(claim, me)) {
            clearStaleClaim(claim);
            return false;
        }
        try {
            if (!text.equals(read(file))) return false; // changed since it was judged stale: another took it over
            Files.delete(file);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        } finally {
            releaseIfMine(claim, me);
        }
    }

    private static void clearStaleClaim(Path claim) {
        String text = read(claim);
        if (text == null) return;
        String[] parts = text.trim().split("\\s+");
        boolean gone;
        try {
            gone = parts.length >= 2 && parts[1].equals(hostName())
                    ? processGone(Long.parseLong(parts[0]))
                    : System.currentTimeMillis()
                                    - Files.getLastModifiedTime(claim).toMillis()
                            > CLAIM_STALE_MILLIS;
        } catch (NumberFormatException | IOException e) {
            gone = false; // unreadable or gone meanwhile: leave it, the caller tries again
        }
        if (gone && text.equals(read(claim))) remove(claim);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Removes a lock file (a claim left by a killed taker). */
    static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    /** Removes {@code file} if it still holds {@code mine}: a lock taken over by another process stays its. */
    public static void releaseIfMine(Path file, String mine) {
        if (mine.equals(read(file))) remove(file); // only its holder (alive: it is releasing) writes it meanwhile
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
