package org.looplab.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal board: one line per claim, every line within 100 columns, the task and verdict on each. */
class BoardLinesTest {

    @Test
    void theCommittedBoardFitsAHundredColumnsOneLineAClaim() {
        List<ClaimRow> rows = ClaimsBoard.read(Path.of("../data/results"));
        List<String> lines = BoardLines.of(rows).lines().toList();
        assertEquals(rows.size() + 1, lines.size(), "a header and one line per claim");
        for (String l : lines) assertTrue(l.codePointCount(0, l.length()) <= BoardLines.WIDTH, l.length() + ": " + l);
        for (int i = 0; i < rows.size(); i++)
            assertTrue(lines.get(i + 1).endsWith(rows.get(i).verdict().label()), lines.get(i + 1));
    }

    @Test
    void theTaskComesFromWhereTheBoardWritesIt() {
        assertEquals(
                "sudoku6-hard",
                BoardLines.task("MLP 95.0% ± 1.8 (3 seeds) vs attention 28.5% ± 7.1 (3 seeds)"
                        + " (sudoku6-hard, 4000 steps, width 64, n 2, T 2)"));
        assertEquals(
                "sudoku4",
                BoardLines.task("depth 28: 71.3% (3 seeds) vs depth 6: 93.7% (3 seeds) (sudoku4"
                        + " trm-mlp, equal optimiser steps, up to 500 steps)"));
        assertEquals(
                "maze9-unique",
                BoardLines.task("ρ = 0.38; adaptive 96.4% vs all-steps 96.8% at 1.83 of 16"
                        + " steps; bucket means easy 1.49 (one run: checkpoint x (run r); maze9-unique/test (sha256 78…);"
                        + " threshold 0.9)"));
        assertEquals("sudoku4", BoardLines.task("full vs 1-step, one seed, full-vs-1step-sudoku4: step 500 88.2%"));
    }

    @Test
    void oursKeepsTheNumbersAndDropsTheDetailsTheWideBoardSpellsOut() {
        assertEquals(
                "MLP 95.0% ± 1.8 vs attention 28.5% ± 7.1",
                BoardLines.ours("MLP 95.0% ± 1.8 (3 seeds) vs attention 28.5% ± 7.1 (3 seeds)"
                        + " (sudoku6-hard, 4000 steps, width 64, n 2, T 2)"));
        assertEquals(
                "ρ = 0.49 ± 0.03; adaptive 98.5% ± 0.2 vs all-steps 99.3% ± 0.3 at 2.51 of 16 steps",
                BoardLines.ours("ρ = 0.49 ± 0.03; adaptive 98.5% ± 0.2 vs all-steps 99.3% ± 0.3 at 2.51 of 16"
                        + " steps; bucket means easy 2.09 medium 2.31 hard 3.06 (3 seeds: 0, 1, 2; sudoku6)"));
    }
}
