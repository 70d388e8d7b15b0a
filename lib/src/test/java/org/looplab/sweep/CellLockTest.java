package org.looplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tasks never write the same cell; a lock whose holder is gone is taken over. */
class CellLockTest {

    private static CellLock.Holder holder(String job, String host, long pid) {
        return new CellLock.Holder(job, host, pid, "2026-01-01T00:00:00Z");
    }

    @Test
    void aLiveHolderKeepsTheCellAndTheRefusalNamesFileAndHolder(@TempDir Path tmp) {
        Path run = tmp.resolve("runs").resolve("cell-abc");
        CellLock.Holder me = CellLock.Holder.current("12_3");
        try (CellLock lock = CellLock.take(run, me, h -> false, null)) {
            assertEquals(me, CellLock.holderOf(CellLock.fileOf(run)), "the file names its holder");
            // Another job on this host whose process (this JVM) is alive, and the scheduler says it runs.
            var e = assertThrows(
                    IllegalStateException.class,
                    () -> CellLock.take(run, CellLock.Holder.current("12_4"), h -> false, null));
            assertTrue(
                    e.getMessage().contains("cell-abc.lock") && e.getMessage().contains("job 12_3"), e.getMessage());
        }
        assertFalse(Files.exists(CellLock.fileOf(run)), "closing removes the lock");
    }

    @Test
    void aRequeuedJobTakesBackItsOwnLock(@TempDir Path tmp) {
        Path run = tmp.resolve("cell");
        CellLock.take(run, holder("12_3", "node7", 4242), h -> false, null); // its node died: never closed
        try (CellLock again = CellLock.take(run, holder("12_3", "node9", 99), h -> false, null)) {
            assertEquals("node9", CellLock.holderOf(CellLock.fileOf(run)).host());
        }
    }

    @Test
    void aDeadProcessOnThisHostOrAnEndedJobLosesItsLock(@TempDir Path tmp) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = CellLock.Holder.current(null).host();
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        CellLock.take(a, holder("local", host, gone.pid()), h -> false, null);
        CellLock.take(a, CellLock.Holder.current(null), h -> false, null).close();

        CellLock.take(b, holder("7_1", "elsewhere", 1), h -> false, null);
        assertThrows(
                IllegalStateException.class,
                () -> CellLock.take(b, holder("8_0", host, 2), h -> false, null),
                "a job on another host that the scheduler does not call ended keeps its lock");
        CellLock.take(
                        b,
                        holder("8_0", host, ProcessHandle.current().pid()),
                        h -> h.job().equals("7_1"),
                        null)
                .close();
    }

    @Test
    void closingLeavesALockThatAnotherHolderTookOver(@TempDir Path tmp) {
        Path run = tmp.resolve("cell");
        CellLock first = CellLock.take(run, holder("1_0", "h", 1), h -> false, null);
        CellLock.take(run, holder("2_0", "h2", 2), h -> h.job().equals("1_0"), null);
        first.close();
        assertEquals("2_0", CellLock.holderOf(CellLock.fileOf(run)).job());
    }
}
