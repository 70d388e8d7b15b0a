package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LossesTest {
    static NDManager m;

    @BeforeAll
    static void start() {
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    static double s(double x) {
        return x >= 0 ? x + 1 : 1 / (1 - x);
    }

    @Test
    void stablemaxMatchesHandComputation() {
        // one puzzle, two cells, vocab 3; cell 0 label 2, cell 1 label 1
        float[] logits = {2f, -1f, 0.5f, -3f, 1f, 0f};
        NDArray x = m.create(logits, new Shape(1, 2, 3));
        NDArray y = m.create(new long[] {2, 1}, new Shape(1, 2));
        double cell0 = -Math.log(s(0.5) / (s(2) + s(-1) + s(0.5)));
        double cell1 = -Math.log(s(1) / (s(-3) + s(1) + s(0)));
        assertEquals((cell0 + cell1) / 2, StablemaxCrossEntropy.loss(x, y).getFloat(), 1e-6);
    }

    @Test
    void padCellsAreIgnoredAndEachPuzzleIsAveragedOverItsOwnCells() {
        NDArray x = m.create(new float[] {0f, 3f, 0f, 0f, 1f, 2f, 5f, 0f}, new Shape(2, 2, 2));
        // puzzle 0: cell 1 is pad; puzzle 1: both cells count
        NDArray y = m.create(new long[] {1, 0, 1, 1}, new Shape(2, 2));
        double p0 = -Math.log(s(3) / (s(0) + s(3)));
        double p1 = (-Math.log(s(2) / (s(1) + s(2))) - Math.log(s(0) / (s(5) + s(0)))) / 2;
        assertEquals((p0 + p1) / 2, StablemaxCrossEntropy.loss(x, y).getFloat(), 1e-6);
    }

    @Test
    void gradientIsFiniteAtTheBranchPoints() {
        try (NDManager sub = m.newSubManager()) {
            NDArray x = sub.create(new float[] {1f, 0f, -0f, 1f}, new Shape(1, 2, 2));
            x.setRequiresGradient(true);
            NDArray y = sub.create(new long[] {1, 1}, new Shape(1, 2));
            try (GradientCollector tape = Engine.getInstance().newGradientCollector()) {
                tape.backward(StablemaxCrossEntropy.loss(x, y));
            }
            for (float g : x.getGradient().toFloatArray()) assertFalse(Float.isNaN(g) || Float.isInfinite(g));
            // d/dx_label of -log(s(x_l)/Σs) for x ≥ 0 is 1/(x_l+1) - 1/Σs: at cell 1 (x = [0, 1], label 1) 1/2 - 1/3
            assertEquals(-(0.5 - 1.0 / 3) / 2, x.getGradient().toFloatArray()[3], 1e-6);
        }
    }

    @Test
    void exactlyRightNeedsEveryCountedCell() {
        // argmax per cell: puzzle 0 → [1, 0]; puzzle 1 → [1, 1]
        NDArray x = m.create(new float[] {0f, 1f, 1f, 0f, 0f, 1f, 0f, 1f}, new Shape(2, 2, 2));
        NDArray y = m.create(new long[] {1, 0, 1, 2}, new Shape(2, 2)); // puzzle 0's second cell is pad
        assertArrayEquals(new float[] {1f, 0f}, HaltLoss.exactlyRight(x, y).toFloatArray());
    }

    @Test
    void bceMatchesTheFormulaAndHasTheRightGradientAtZero() {
        try (NDManager sub = m.newSubManager()) {
            NDArray q = sub.create(new float[] {0f, 2f});
            q.setRequiresGradient(true);
            NDArray t = sub.create(new float[] {1f, 0f});
            NDArray loss;
            try (GradientCollector tape = Engine.getInstance().newGradientCollector()) {
                loss = HaltLoss.bce(q, t);
                tape.backward(loss);
            }
            double expected = (Math.log(2) + Math.log(1 + Math.exp(2))) / 2;
            assertEquals(expected, loss.getFloat(), 1e-6);
            // d/dq mean(...) = (sigmoid(q) - t) / 2: at q=0, t=1 → -0.25 (DJL's built-in gives -0.5)
            assertEquals(-0.25, q.getGradient().toFloatArray()[0], 1e-6);
        }
    }
}
