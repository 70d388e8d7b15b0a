package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ways out of the kernel's control: a cell that survives its interrupt, System.exit, a parent that dies. */
class EscapesTest {

    private final TestKernel kernel = TestKernel.shared();

    @Test
    void aCellThatCatchesTheStopIsReportedAsRunningUntilItReallyEnds() throws Exception {
        System.clearProperty("looplab.escapes.release");
        // Every level catches the stop and spins again, so Thread.stop cannot end it; only the property can.
        kernel.evalRaw("var escSpins = new java.util.concurrent.atomic.AtomicLong();\n"
                + "System.getProperties().put(\"looplab.escapes.spins\", escSpins);\n"
                + "void escUnstoppable() { try { while (System.getProperty(\"looplab.escapes.release\") == null) "
                + "escSpins.incrementAndGet(); } catch (Throwable t) { escUnstoppable(); } }");
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(err, oldErr), true, StandardCharsets.UTF_8));
        try {
            CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> kernel.evalRaw("escUnstoppable();"));
            Thread.sleep(1500);
            kernel.interrupt();
            Thread.sleep(4000); // past the grace and two more stops
            assertFalse(cell.isDone(), "reported as running while it runs");
            // Read without a cell: JShell evaluates one thing at a time.
            var counter = (java.util.concurrent.atomic.AtomicLong)
                    System.getProperties().get("looplab.escapes.spins");
            long spins = counter.get();
            Thread.sleep(300);
            assertTrue(counter.get() > spins, "it does still run");
            assertTrue(
                    err.toString(StandardCharsets.UTF_8).contains("STILL RUNNING"),
                    err.toString(StandardCharsets.UTF_8));
            kernel.interrupt(); // a later interrupt is taken, too
            System.setProperty("looplab.escapes.release", "1");
            ExecutionException e = assertThrows(ExecutionException.class, () -> cell.get(20, TimeUnit.SECONDS));
            assertInstanceOf(EvaluationInterruptedException.class, e.getCause());
        } finally {
            System.setErr(oldErr);
        }
        long after = (Long) kernel.evalRaw("escSpins.get()");
        Thread.sleep(300);
        assertEquals(after, kernel.evalRaw("escSpins.get()"), "once reported finished, it has stopped");
        assertEquals(2, kernel.evalRaw("1 + 1"));
    }

    @Test
    void systemExitInACellIsRefusedAndTheKernelLivesOn() throws Exception {
        SecurityException e = assertThrows(SecurityException.class, () -> kernel.evalRaw("System.exit(3)"));
        assertTrue(e.getMessage().startsWith("System.exit(3) refused: it would end the kernel"), e.getMessage());
        assertThrows(SecurityException.class, () -> kernel.evalRaw("Runtime.getRuntime().halt(0)"));
        // From a thread the cell starts, too (it joins the cells' thread group).
        Object refused =
                kernel.evalRaw("var escRefused = new java.util.concurrent.atomic.AtomicReference<Throwable>();\n"
                        + "var escThread = new Thread(() -> { try { System.exit(4); } catch (Throwable t) { escRefused.set(t); } });\n"
                        + "escThread.start(); escThread.join(); escRefused.get()");
        assertInstanceOf(SecurityException.class, refused);
        assertEquals(2, kernel.evalRaw("1 + 1"));
        assertFalse(ExitGuard.onCellThread(), "the test's own thread may exit");
    }

    @Test
    @SuppressWarnings("removal") // System.getSecurityManager: the guard is one
    void aCellCannotRemoveTheGuardAndThenExit() throws Exception {
        kernel.evalRaw("int escKept = 41;");
        SecurityException e = assertThrows(
                SecurityException.class, () -> kernel.evalRaw("System.setSecurityManager(null); System.exit(6);"));
        assertTrue(e.getMessage().startsWith("System.setSecurityManager refused"), e.getMessage());
        assertInstanceOf(ExitGuard.class, System.getSecurityManager(), "the guard is still installed");
        assertThrows(SecurityException.class, () -> kernel.evalRaw("System.exit(6)"));
        assertEquals(42, kernel.evalRaw("escKept + 1"), "the kernel answers with its variables");
    }

    @Test
    void theParentWatchFiresWhenTheParentProcessDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        try {
            ParentWatch watch = ParentWatch.fromEnvironment(Map.of(ParentWatch.ENV, Long.toString(parent.pid())))
                    .orElseThrow();
            assertTrue(watch.parentAlive());
            CountDownLatch gone = new CountDownLatch(1);
            watch.start(gone::countDown);
            Thread.sleep(1500);
            assertEquals(1, gone.getCount(), "not while it lives");
            parent.destroyForcibly().waitFor();
            assertTrue(gone.await(10, TimeUnit.SECONDS), "fires within seconds of the parent's death");
        } finally {
            parent.destroyForcibly();
        }
        assertTrue(ParentWatch.fromEnvironment(Map.of()).isEmpty());
        assertTrue(ParentWatch.fromEnvironment(Map.of(ParentWatch.ENV, "not-a-pid"))
                .isEmpty());
    }

    /** Writes to two streams: the test reads one, the console keeps the other. */
    private static final class Tee extends OutputStream {
        private final OutputStream a, b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
