package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.looplab.model.Mixer;
import org.looplab.model.ReasoningModel;
import org.looplab.train.TimingPlan;

/** The child-process plumbing of TrainBench, and the PyTorch script against our model where torch is installed. */
class TrainBenchTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("../bench/trm_step.py"); // tests run in lib/

    @Test
    void aChildThatFailsOrPrintsABadLineIsNamed() {
        var exit = assertThrows(IllegalStateException.class, () -> TrainBench.run(List.of("sh", "-c", "exit 3"), null));
        assertTrue(
                exit.getMessage().contains("exit 3") && exit.getMessage().contains("exit code 3"), exit.getMessage());
        var silent =
                assertThrows(IllegalStateException.class, () -> TrainBench.run(List.of("sh", "-c", "echo hi"), null));
        assertTrue(silent.getMessage().contains("no JSON report line"), silent.getMessage());
        var partial = assertThrows(
                IllegalArgumentException.class,
                () -> TrainBench.run(List.of("sh", "-c", "echo '{\"side\":\"pytorch\"}'"), null));
        assertTrue(
                partial.getMessage().contains("sh -c") && partial.getMessage().contains("mixer"), partial.getMessage());
    }

    @Test
    void aMissingScriptOrPythonSaysWhich() {
        assertTrue(TrainBench.pytorchProblem(PYTHON, Path.of("no/such.py")).contains("no/such.py"));
        assertTrue(TrainBench.pytorchProblem(Path.of("/no/python3"), SCRIPT).contains("/no/python3"));
    }

    @Test
    void thePytorchSideBuildsTheConfigTimedNotOnlyTheBenchOne() {
        TrainBench b = new TrainBench();
        b.python = PYTHON;
        b.script = SCRIPT;
        List<String> lab9 = b.pytorchCommand(StepBenchConfig.LAB9, Mixer.MLP, 64, 1, 2, 3, false, null);
        assertEquals(StepBenchConfig.LAB9.shape().scriptArguments(), lab9.subList(lab9.size() - 8, lab9.size()));
        assertTrue(lab9.containsAll(List.of("--hidden", "64", "--latent-steps", "1", "--recursions", "1")));
        List<String> bench = b.pytorchCommand(StepBenchConfig.BENCH, Mixer.MLP, 64, 1, 2, 3, false, null);
        assertTrue(!bench.contains("--hidden"), "make bench's command line is unchanged: " + bench);
    }

    /** Two tiny steps per mixer: the script runs on Debian's torch and builds a model of exactly our size. */
    @Test
    void pytorchScriptBuildsOurModel() {
        String problem = TrainBench.pytorchProblem(PYTHON, SCRIPT);
        Assumptions.assumeTrue(problem == null, "PyTorch reference not runnable: " + problem);
        for (Mixer m : Mixer.values()) {
            var oneThread = new ThreadSetting("pytorch", 1, 1, null, false);
            long before = System.nanoTime();
            StepReport r = TrainBench.run(
                    TrainBench.pytorchCommand(PYTHON, SCRIPT, m, 2, 0, 2, 1, false, oneThread), oneThread);
            long after = System.nanoTime();
            // the measured window is on Java's clock (CLOCK_MONOTONIC), which perf's samples are cut by
            assertTrue(before < r.measuredFromNs() && r.measuredToNs() < after, "window on System.nanoTime's clock");
            assertTrue(r.windowMsPerStep() >= r.minMs(), "the window holds the measured steps");
            assertEquals(1, r.threads(), "set_num_threads from the setting");
            assertEquals("pytorch", r.side());
            assertEquals(m, r.mixer());
            try (ReasoningModel ours = StepBenchmark.config(m).build(StepBenchmark.TASK, 0)) {
                assertEquals(ours.parameterCount(), r.params(), m + " parameter count");
            }
            // stable-max CE over 9 digit labels starts near ln 11 (uniform-ish logits), plus a small halt loss
            assertTrue(r.firstLoss() > 1.5 && r.firstLoss() < 4, "first loss " + r.firstLoss());
        }
    }

    /** Our side records the same window: after warm-up, on System.nanoTime's clock, holding the measured steps. */
    @Test
    void theDjlChildRecordsItsMeasuredWindow() {
        long before = System.nanoTime();
        StepReport r = StepBenchmark.run(StepBenchConfig.SMALL, Mixer.MLP, 2, 1, 2, 1, false);
        long after = System.nanoTime();
        assertTrue(before < r.measuredFromNs() && r.measuredToNs() < after);
        assertTrue(r.windowMsPerStep() >= r.minMs() && r.windowMsPerStep() <= r.maxMs() * 1.5, r.toString());
    }

    /**
     * A timing plan's seconds hold on both sides: the measured window opens only after the warm-up seconds, lasts at
     * least the measured seconds, and the report counts every step it ran in each phase.
     */
    @Test
    void bothSidesRunATimingPlansSeconds() {
        TimingPlan plan = new TimingPlan(1, 0.5, 2, 0.3);
        long before = System.nanoTime();
        StepReport djl = StepBenchmark.run(StepBenchConfig.SMALL32, Mixer.MLP, 2, plan, 1, false);
        assertTimedBy(plan, before, djl);

        String problem = TrainBench.pytorchProblem(PYTHON, SCRIPT);
        Assumptions.assumeTrue(problem == null, "PyTorch reference not runnable: " + problem);
        var oneThread = new ThreadSetting("pytorch", 1, 1, null, false);
        List<String> cmd =
                new ArrayList<>(TrainBench.pytorchCommand(PYTHON, SCRIPT, Mixer.MLP, 2, 1, 2, 1, false, oneThread));
        cmd.addAll(StepBenchConfig.SMALL32.shape().scriptArguments());
        cmd.addAll(plan.secondsArguments());
        long start = System.nanoTime();
        assertTimedBy(plan, start, TrainBench.run(cmd, oneThread));
    }

    /** The evaluation's forward on both sides: one batch through all 16 supervision steps, the same model size. */
    @Test
    void bothSidesTimeTheEvaluationForward() {
        StepShape shape = StepBenchConfig.SMALL32.shape();
        StepReport djl = StepBenchmark.forward(shape, Mixer.MLP, 2, TimingPlan.steps(0, 1), 1, false);
        assertEquals(1, djl.steps());
        assertEquals(0, djl.firstLoss(), "no loss in a forward");
        // n 1, T 1: 2 forward net calls a supervision step, against the training step's 2 + 2·2 (with backward)
        double perStep = StepBenchmark.stepFlops(shape, Mixer.MLP, 2);
        assertEquals(16 * 2.0 / 6 * perStep, StepBenchmark.forwardFlops(shape, Mixer.MLP, 2), perStep * 1e-9);

        String problem = TrainBench.pytorchProblem(PYTHON, SCRIPT);
        Assumptions.assumeTrue(problem == null, "PyTorch reference not runnable: " + problem);
        var oneThread = new ThreadSetting("pytorch", 1, 1, null, false);
        List<String> cmd =
                new ArrayList<>(TrainBench.pytorchCommand(PYTHON, SCRIPT, Mixer.MLP, 2, 0, 1, 1, false, oneThread));
        cmd.addAll(shape.scriptArguments());
        cmd.add("--forward");
        StepReport torch = TrainBench.run(cmd, oneThread);
        assertEquals(djl.params(), torch.params(), "the same model");
        assertEquals(1, torch.steps());
        assertEquals(0, torch.firstLoss(), "no loss in a forward");
    }

    private static void assertTimedBy(TimingPlan plan, long startNs, StepReport r) {
        assertTrue(r.measuredFromNs() - startNs >= plan.warmupSeconds() * 1e9, "measured after the warm-up: " + r);
        assertTrue(r.measuredToNs() - r.measuredFromNs() >= plan.measureSeconds() * 1e9, "measured long enough: " + r);
        // at least the counts (more where the steps were quicker than the seconds; a loaded machine may need none)
        assertTrue(r.warmup() >= plan.warmupSteps() && r.steps() >= plan.steps(), "every step counted: " + r);
    }

    @Test
    void theMemoryCheckRunsOnOneThreadUnlessTheCallerChoseACount() {
        var plain = TrainBench.oneThread(List.of("java", "-cp", "x", "Main"));
        assertEquals(List.of("java", "-Dai.djl.pytorch.num_threads=1", "-cp", "x", "Main"), plain);
        var chosen = List.of("java", "-Dai.djl.pytorch.num_threads=2", "Main");
        assertEquals(chosen, TrainBench.oneThread(chosen));
    }
}
