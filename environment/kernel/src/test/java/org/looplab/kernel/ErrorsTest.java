package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    private final TestKernel kernel = TestKernel.shared();

    @Test
    void compileErrorShowsTheSnippetWithTheSpanMarkedAndJavacsMessage() {
        CompilationException e = assertThrows(
                CompilationException.class, () -> kernel.evalRaw("int errCount = 1;\nint errWrong = \"text\";"));
        List<String> lines = List.of(kernel.formattedError(e).split("\n"));
        assertEquals("int errWrong = \"text\";", lines.get(0));
        assertEquals("               ^^^^^^", lines.get(1)); // under "text", quotes included
        assertTrue(lines.get(2).contains("incompatible types"), lines.get(2));
    }

    @Test
    void runtimeErrorIsTheCellsOwnExceptionWithItsSnippetFrames() {
        kernel.evalRaw("int errDivide(int d) { return 1 / d; }");
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> kernel.evalRaw("errDivide(0)"));
        String trace = kernel.formattedError(e);
        assertTrue(trace.startsWith("java.lang.ArithmeticException: / by zero\n\tat errDivide(#"), trace);
        assertTrue(trace.contains("\tat (#"), trace); // the cell itself
        assertFalse(trace.contains("java.util.concurrent"), trace); // kernel machinery cut off
    }

    @Test
    void checkedExceptionsAreThrownAsThemselves() {
        IOException e = assertThrows(IOException.class, () -> kernel.evalRaw("throw new IOException(\"disk full\");"));
        assertEquals("disk full", e.getMessage());
    }

    @Test
    void errorsTravelInsideUncaughtErrorWithAShortenedTrace() {
        kernel.evalRaw("int errRecurse(int n) { return errRecurse(n + 1) + 1; }");
        UncaughtError e = assertThrows(UncaughtError.class, () -> kernel.evalRaw("errRecurse(0)"));
        assertInstanceOf(StackOverflowError.class, e.getCause());
        String trace = kernel.formattedError(e);
        assertTrue(trace.startsWith("java.lang.StackOverflowError"), trace);
        assertTrue(trace.contains(" more"), trace);
    }

    @Test
    void outOfMemoryFailsTheCellSayingSoAndKeepsTheVariables() {
        kernel.evalRaw("int oomKept = 41;");
        CellOutOfMemory e = assertThrows(
                CellOutOfMemory.class, () -> kernel.eval("throw new OutOfMemoryError(\"Java heap space\");"));
        assertTrue(
                e.getMessage()
                                .startsWith(
                                        "OutOfMemoryError (Java heap space): the cell used more than the kernel's heap (")
                        && e.getMessage().contains("the kernel's state is kept"),
                e.getMessage());
        assertEquals(e.getMessage(), kernel.formattedError(e)); // the message alone: no kernel stack trace
        assertEquals(42, kernel.evalRaw("oomKept + 1"));
    }

    @Test
    void anErrorOnTheKernelsOwnThreadStillFailsOnlyTheCell() {
        // eval() renders the value on jjava's shell thread: an Error there must become a cell failure, not escape.
        kernel.evalRaw("class ErrLoud { public String toString() { throw new StackOverflowError(); } }");
        UncaughtError e = assertThrows(UncaughtError.class, () -> kernel.eval("new ErrLoud()"));
        assertInstanceOf(StackOverflowError.class, e.getCause());
    }

    @Test
    void unknownMagicFailsNamingIt() {
        UndefinedMagicException e = assertThrows(UndefinedMagicException.class, () -> kernel.evalRaw("%system ls"));
        String text = kernel.formattedError(e);
        assertTrue(text.contains("'system'") && text.contains("%classpath, %jars, %load, %loadFromPOM, %maven"), text);
        assertThrows(UndefinedMagicException.class, () -> kernel.evalRaw("%%javascript\n1 + 1"));
    }

    @Test
    void unfinishedCodeIsReportedAsIncomplete() {
        assertThrows(IncompleteSourceException.class, () -> kernel.evalRaw("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void usingADeclarationWithUndeclaredPartsNamesThem() {
        kernel.evalRaw("void errLater() { errNotYet(); }");
        UnresolvedDependencyException e =
                assertThrows(UnresolvedDependencyException.class, () -> kernel.evalRaw("errLater()"));
        assertTrue(e.getMessage().contains("errNotYet"), e.getMessage());
    }

    @Test
    void interruptStopsASleepingCellAndTheKernelStaysUsable() throws Exception {
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> kernel.evalRaw("Thread.sleep(60_000)"));
        Thread.sleep(1500); // let it reach the sleep
        kernel.interrupt();
        ExecutionException e = assertThrows(ExecutionException.class, () -> cell.get(10, TimeUnit.SECONDS));
        assertInstanceOf(EvaluationInterruptedException.class, e.getCause());
        assertEquals(2, kernel.evalRaw("1 + 1"));
    }

    @Test
    void interruptStopsABusyLoopWithinAboutASecond() throws Exception {
        kernel.evalRaw("var errSpins = new java.util.concurrent.atomic.AtomicLong();");
        CompletableFuture<Object> cell =
                CompletableFuture.supplyAsync(() -> kernel.evalRaw("while (true) { errSpins.incrementAndGet(); }"));
        Thread.sleep(1500);
        kernel.interrupt();
        ExecutionException e = assertThrows(ExecutionException.class, () -> cell.get(10, TimeUnit.SECONDS));
        assertInstanceOf(EvaluationInterruptedException.class, e.getCause());
        Thread.sleep(2500); // past the 1 s grace before Thread.stop()
        long spins = (Long) kernel.evalRaw("errSpins.get()");
        Thread.sleep(300);
        assertEquals(spins, kernel.evalRaw("errSpins.get()"), "the loop is still running");
    }

    @Test
    void timeoutStopsASnippetAndLaterSnippetsRun() {
        try (JShellEvaluator evaluator =
                new JShellEvaluator(List.of(), new EvaluationTimeout(300, TimeUnit.MILLISECONDS))) {
            EvaluationTimeoutException e = assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> assertThrows(EvaluationTimeoutException.class, () -> evaluator.eval("Thread.sleep(20_000)")));
            assertTrue(e.getMessage().contains("300 milliseconds"), e.getMessage());
            assertEquals(2, evaluator.eval("1 + 1"));
        }
    }
}
