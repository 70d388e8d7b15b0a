package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.serve.LoadedSolver;
import org.looplab.serve.SolverCheckpoints;
import org.looplab.serve.SolverService;

/** The latency bench's arithmetic on given numbers, and its two modes on an untrained 4×4 stand-in. */
class SolverLatencyTest {

    @Test
    void percentilesAndGrowthComeFromTheCalls() {
        double[] ms = new double[100];
        for (int i = 0; i < 100; i++) ms[i] = i + 1; // 1..100 ms
        var r = new SolverLatency.Row("c", "4x4 Sudoku", "adaptive", 100, ms, 3, 1, 500, 502, 256, 40);
        assertEquals(50, r.p50(), 0); // nearest rank: the 50th of 100
        assertEquals(99, r.p99(), 0);
        assertEquals(20, r.rssGrowthPerThousandCalls(), 1e-9); // 2 MB over 100 calls
        String t = SolverLatency.table(List.of(r));
        assertTrue(t.contains("50.0") && t.contains("99.0") && t.contains("500→502") && t.contains("40.0"), t);
    }

    /** An untrained model's halt head starts at bias -5 (sigmoid 0.007): it never halts, so both modes run N_sup. */
    @Test
    void allStepsRunsEveryStepAndTheServiceAnswersEachCall(@TempDir Path scratch) {
        Path folder = SolverCheckpoints.untrained("trm-mlp-sudoku4", scratch);
        SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(4));
        List<Sudoku> puzzles = new ArrayList<>();
        for (int i = 0; i < 4; i++) puzzles.add(gen.generate(1, i).puzzle());
        try (SolverService service = SolverService.load(List.of(folder))) {
            LoadedSolver s = service.solvers().get(0);
            var all = SolverLatency.measure(service, s, SolverLatency.Mode.ALL_STEPS, puzzles, 3, 1);
            assertEquals(s.supervisionSteps(), all.meanSteps(), 0);
            assertEquals(3, all.calls());
            assertEquals(4, all.batched());
            assertTrue(all.p50() > 0 && all.p50() <= all.p99(), all.toString());
            assertTrue(all.mode().contains("all " + s.supervisionSteps()), all.mode());
            var adaptive = SolverLatency.measure(service, s, SolverLatency.Mode.ADAPTIVE, puzzles, 3, 0);
            assertEquals(s.supervisionSteps(), adaptive.meanSteps(), 0, "halt logit -5 is below the 0.5 threshold");
            assertTrue(adaptive.rssBeforeMb() > 0 && adaptive.batchedPerSecond() > 0, adaptive.toString());
        }
    }
}
