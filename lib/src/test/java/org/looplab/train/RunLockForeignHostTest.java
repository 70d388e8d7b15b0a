package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Slurm task requeued onto another node finds the dead node's run lock: only a cell-lock holder may clear it. */
class RunLockForeignHostTest {

    @Test
    void anotherHostsLockIsRefusedByAcquireAndClearedByReleaseForeign(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve(RunLock.FILE), "12345 some-other-node\n");
        assertThrows(
                IllegalStateException.class, () -> RunLock.acquire(run), "acquire alone cannot judge another host");
        RunLock.releaseForeign(run, () -> true);
        assertFalse(Files.exists(run.resolve(RunLock.FILE)));
        try (RunLock lock = RunLock.acquire(run)) {
            assertTrue(Files.exists(run.resolve(RunLock.FILE)));
        }
    }

    @Test
    void thisHostsLockIsLeftToAcquire(@TempDir Path run) throws Exception {
        String mine = ProcessHandle.current().pid() + " " + RunLock.host() + "\n";
        Files.writeString(run.resolve(RunLock.FILE), mine);
        RunLock.releaseForeign(run, () -> true);
        assertTrue(Files.exists(run.resolve(RunLock.FILE)), "a live process on this host keeps its lock");
    }

    @Test
    void onlyTheHolderOfTheCellLockMayClearIt(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("cell");
        Files.createDirectories(run);
        String foreign = "4242 node7\n";
        Files.writeString(run.resolve(RunLock.FILE), foreign);
        var e = assertThrows(IllegalStateException.class, () -> RunLock.releaseForeign(run, () -> false));
        assertTrue(e.getMessage().contains("only by the holder of this cell's lock"), e.getMessage());
        assertEquals(foreign, Files.readString(run.resolve(RunLock.FILE)));
        RunLock.releaseForeign(run, () -> true);
        assertFalse(Files.exists(run.resolve(RunLock.FILE)));
    }
}
