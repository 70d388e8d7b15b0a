package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.sweep.CellLock;

/** Several contenders find the same stale lock at once: exactly one of them ends up holding it. */
class LockTakeoverRaceTest {

    @Test
    void twoProcessesRacingForOneStaleRunLockEndWithOneOwner(@TempDir Path tmp) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        for (int round = 0; round < 3; round++) {
            Path folder = tmp.resolve("run" + round), go = tmp.resolve("go" + round);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(RunLock.FILE), gone.pid() + " " + RunLock.host() + "\n");
            List<Process> contenders = new ArrayList<>();
            List<BufferedReader> outs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Process p = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                LockRaceChild.class.getName(),
                                folder.toString(),
                                go.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                contenders.add(p);
                outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader out : outs) assertEquals("ready", out.readLine());
            Files.createFile(go);
            List<String> said = new ArrayList<>();
            for (BufferedReader out : outs) said.add(out.readLine());
            for (Process p : contenders) assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, said.stream().filter("won"::equals).count(), "round " + round + ": " + said);
            assertEquals(1, said.stream().filter("refused"::equals).count(), "round " + round + ": " + said);
        }
    }

    /** Eight threads, each its own holder, 200 times over: more interleavings than processes can show in a test. */
    @Test
    void eightContendersForOneStaleCellLockEndWithOneOwnerEveryTime(@TempDir Path tmp) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = CellLock.Holder.current(null).host();
        long me = ProcessHandle.current().pid();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                Path cell = tmp.resolve("cell" + round);
                CellLock.take(cell, new CellLock.Holder("local", host, gone.pid(), "earlier"), h -> false, null);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<CellLock>> tries = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    CellLock.Holder contender = new CellLock.Holder("local", host, me, "contender " + t);
                    tries.add(pool.submit(() -> {
                        start.await();
                        try {
                            return CellLock.take(cell, contender, h -> false, null);
                        } catch (IllegalStateException refused) {
                            return null;
                        }
                    }));
                }
                start.countDown();
                List<CellLock> owners = new ArrayList<>();
                for (Future<CellLock> f : tries) if (f.get() != null) owners.add(f.get());
                assertEquals(
                        1,
                        owners.size(),
                        "round " + round + ": owners "
                                + owners.stream().map(CellLock::holder).toList());
                assertTrue(owners.get(0).held(), "the file names the one owner");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
