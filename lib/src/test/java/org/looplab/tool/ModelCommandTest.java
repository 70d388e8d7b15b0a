package org.looplab.tool;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelCommandTest {

    private static String run(String... args) {
        return CliOutput.ofSuccessful(args);
    }

    @Test
    void infoPrintsTheReferenceCountAndDepth() {
        String out = run("model", "info", "--preset", "trm-mlp-paper", "--task", "sudoku9");
        assertTrue(out.contains("parameters: 5028866\n"), out);
        assertTrue(out.contains("compute depth per supervision step: 42 "), out);
        String hrm = run("model", "info", "--preset", "hrm-tiny");
        assertTrue(hrm.contains("compute depth per supervision step: 6 "), hrm); // N(T·L + H) = 2·(2·1 + 1)
    }

    @Test
    void unknownPresetFailsWithItsName() {
        assertNotEquals(0, LoopLabCli.run("model", "info", "--preset", "nope"));
    }
}
