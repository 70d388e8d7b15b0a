package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import org.junit.jupiter.api.Test;
import org.looplab.model.NoGrad;

class AdamWTest {

    /** Our AdamW replaces DJL's: same schedule, betas, decay, ε, so the same weights after a few updates. */
    @Test
    void followsDjlsAdamWFormula() {
        WarmupSchedule schedule = new WarmupSchedule(1e-2f, 2);
        float[] start = {0.5f, -1.5f, 2f, 0.01f};
        float[][] grads = {{0.1f, -0.2f, 0.3f, 0f}, {-1f, 0.5f, 0.25f, 2f}, {0.3f, 0.3f, -0.7f, -0.1f}};
        try (NDManager m = Engine.getInstance().newBaseManager();
                var off = NoGrad.open()) {
            NDArray ours = named(m, start, "w"), theirs = named(m, start, "w");
            Optimizer djl = Optimizer.adamW()
                    .optLearningRateTracker(schedule)
                    .optBeta1(0.9f)
                    .optBeta2(0.95f)
                    .optEpsilon(1e-8f)
                    .optWeightDecays(0.1f)
                    .build();
            try (AdamW adam = new AdamW(new NDList(ours), schedule, 0.9f, 0.95f, 0.1f, m)) {
                for (float[] g : grads) {
                    step(adam, ours, g);
                    try (NDArray gTheirs = m.create(g)) {
                        djl.update("w", theirs, gTheirs);
                    }
                    assertArrayEquals(theirs.toFloatArray(), ours.toFloatArray(), 1e-6f);
                }
                assertEquals(3, adam.updates());
                assertEquals(1e-2f, adam.rate());
            }
        }
    }

    /** A restored optimiser continues as if it had never stopped. */
    @Test
    void restoredMomentsContinueExactly() {
        WarmupSchedule schedule = new WarmupSchedule(1e-2f, 0);
        try (NDManager m = Engine.getInstance().newBaseManager();
                var off = NoGrad.open()) {
            NDArray a = named(m, new float[] {1f, 2f}, "w"), b = named(m, new float[] {1f, 2f}, "w");
            try (AdamW first = new AdamW(new NDList(a), schedule, 0.9f, 0.95f, 0.1f, m);
                    AdamW second = new AdamW(new NDList(b), schedule, 0.9f, 0.95f, 0.1f, m)) {
                step(first, a, new float[] {0.5f, -0.5f});
                step(second, b, new float[] {0.5f, -0.5f});
                try (AdamW resumed = new AdamW(new NDList(b), schedule, 0.9f, 0.95f, 0.1f, m)) {
                    resumed.restore(second.moments(), second.updates(), "test");
                    step(first, a, new float[] {-1f, 0.25f});
                    step(resumed, b, new float[] {-1f, 0.25f});
                    assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
                }
            }
        }
    }

    /** Sets {@code w}'s gradient to {@code g} by a backward pass of {@code sum(w · g)}, then updates. */
    private static void step(AdamW adam, NDArray w, float[] g) {
        try (NDScope local = new NDScope()) {
            if (w.hasGradient()) OptimiserStep.fillZero(w.getGradient());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(w.mul(w.getManager().create(g)).sum());
            }
            assertArrayEquals(g, w.getGradient().toFloatArray(), 0f);
        }
        adam.update(new NDList(w));
    }

    private static NDArray named(NDManager m, float[] v, String name) {
        NDArray a = m.create(v);
        a.setName(name);
        a.setRequiresGradient(true);
        return a;
    }
}
