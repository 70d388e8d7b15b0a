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
        LearningRateSchedule schedule = new LearningRateSchedule(1e-2f, 2);
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

    /**
     * The AdamATan2 rule against the adam-atan2 kernel's formula written out in doubles (decay first, then the moments,
     * then {@code lr · atan2(m̂, √v̂)}); a zero gradient on a fresh weight gives atan2(0, 0) = 0, no NaN and no ε.
     */
    @Test
    void atan2RuleFollowsTheKernelsFormula() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-2f, 2);
        float[] start = {0.5f, -1.5f, 2f, 0.01f};
        float[][] grads = {{0.1f, -0.2f, 0.3f, 0f}, {-1f, 0.5f, 0.25f, 0f}, {0.3f, 0.3f, -0.7f, 0f}};
        double b1 = 0.9, b2 = 0.95, wd = 0.1;
        double[] w = new double[4], mm = new double[4], vv = new double[4];
        for (int i = 0; i < 4; i++) w[i] = start[i];
        try (NDManager m = Engine.getInstance().newBaseManager();
                var off = NoGrad.open()) {
            NDArray ours = named(m, start, "w");
            try (AdamW adam = new AdamW(new NDList(ours), schedule, 0.9f, 0.95f, 0.1f, UpdateRule.ADAM_ATAN2, m)) {
                for (int t = 1; t <= grads.length; t++) {
                    step(adam, ours, grads[t - 1]);
                    double lr = schedule.at(t);
                    float[] expected = new float[4];
                    for (int i = 0; i < 4; i++) {
                        double g = grads[t - 1][i];
                        w[i] *= 1 - lr * wd;
                        mm[i] = b1 * mm[i] + (1 - b1) * g;
                        vv[i] = b2 * vv[i] + (1 - b2) * g * g;
                        double mHat = mm[i] / (1 - Math.pow(b1, t)), vHat = vv[i] / (1 - Math.pow(b2, t));
                        w[i] -= lr * Math.atan2(mHat, Math.sqrt(vHat));
                        expected[i] = (float) w[i];
                    }
                    assertArrayEquals(expected, ours.toFloatArray(), 1e-6f, "update " + t);
                }
                // The untouched coordinate only decays: atan2(0, 0) = 0 where Adam's m/(√v + ε) is 0 too.
                assertEquals(expected(0.01, wd, schedule), ours.toFloatArray()[3], 1e-9f);
            }
        }
    }

    private static float expected(double w, double wd, LearningRateSchedule schedule) {
        for (int t = 1; t <= 3; t++) w *= 1 - schedule.at(t) * wd;
        return (float) w;
    }

    /** Where |m̂| ≪ √v̂ the two rules agree to first order (atan2(x, y) ≈ x / y); where they do not, atan2 is smaller. */
    @Test
    void atan2RuleMatchesAdamForSmallRatiosAndIsBoundedOtherwise() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3f, 0);
        try (NDManager m = Engine.getInstance().newBaseManager();
                var off = NoGrad.open()) {
            NDArray a = named(m, new float[] {1f}, "w"), b = named(m, new float[] {1f}, "w");
            try (AdamW adam = new AdamW(new NDList(a), schedule, 0.9f, 0.95f, 0f, m);
                    AdamW atan = new AdamW(new NDList(b), schedule, 0.9f, 0.95f, 0f, UpdateRule.ADAM_ATAN2, m)) {
                // A consistent gradient: m̂ = √v̂ after one step, so Adam moves lr · 1 and atan2 lr · π/4.
                step(adam, a, new float[] {2f});
                step(atan, b, new float[] {2f});
                assertEquals(1e-3f, 1f - a.toFloatArray()[0], 1e-7f);
                assertEquals((float) (1e-3 * Math.PI / 4), 1f - b.toFloatArray()[0], 1e-7f);
                // Alternating signs: |m̂| ≪ √v̂, the updates agree to within a few percent of each other.
                float beforeA = a.toFloatArray()[0], beforeB = b.toFloatArray()[0];
                for (int k = 0; k < 40; k++) {
                    float g = k % 2 == 0 ? -2f : 2f;
                    beforeA = a.toFloatArray()[0];
                    beforeB = b.toFloatArray()[0];
                    step(adam, a, new float[] {g});
                    step(atan, b, new float[] {g});
                }
                float moveA = a.toFloatArray()[0] - beforeA, moveB = b.toFloatArray()[0] - beforeB;
                assertEquals(moveA, moveB, Math.abs(moveA) * 0.05f);
            }
        }
    }

    /** A restored optimiser continues as if it had never stopped. */
    @Test
    void restoredMomentsContinueExactly() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-2f, 0);
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
