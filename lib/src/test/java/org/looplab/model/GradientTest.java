package org.looplab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Autograd against finite differences (float64), and the gradient schedules of both papers: TRM back-propagates
 * only its last round, HRM only its last L and H update. Checked on the test thread and on a fresh thread, where
 * libtorch's grad mode starts on and only {@link NoGrad} keeps the early rounds out of the graph.
 */
class GradientTest {
    private static final TaskShape TASK = TaskShape.sudoku(2); // vocab 4, 4 cells: seq 16+4
    private static final long[][] TOKENS = {{1, 2, 3, 1}, {3, 1, 1, 2}};

    // ---------- finite differences ----------

    @Test
    void trmAttentionMatchesFiniteDifferences() {
        try (var m = TinyRecursiveModel.create(TrmConfig.TINY_ATTENTION, TASK, 3, DataType.FLOAT64)) {
            checkFiniteDifferences(m, s -> m.recurse(s, embed(m), 1));
        }
    }

    @Test
    void trmMlpMatchesFiniteDifferences() {
        try (var m = TinyRecursiveModel.create(TrmConfig.TINY_MLP, TASK, 4, DataType.FLOAT64)) {
            checkFiniteDifferences(m, s -> m.recurse(s, embed(m), 1));
        }
    }

    @Test
    void hrmWithOneCycleEachMatchesFiniteDifferences() {
        // N = T = 1: the one L and one H update are all there is, so the 1-step gradient is the full gradient.
        try (var m = HierarchicalReasoningModel.create(HrmConfig.TINY.withCycles(1, 1), TASK, 5, DataType.FLOAT64)) {
            checkFiniteDifferences(m, s -> m.recurse(s, embed(m)));
        }
    }

    @Test
    void directMatchesFiniteDifferences() {
        try (var m = DirectModel.create(DirectConfig.TINY, TASK, 6, DataType.FLOAT64)) {
            checkFiniteDifferences(m, s -> m.supervisionStep(s, embed(m)));
        }
    }

    private static void checkFiniteDifferences(ReasoningModel m, Function<Latents, Latents> forward) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray p : m.parameters()) byName.put(p.getName(), p);
        byName.put("embed.puzzle", m.puzzleEmbedding());
        Map<String, double[]> grads;
        try (NDScope scope = new NDScope()) {
            Latents start = m.initialLatents(TOKENS.length);
            grads = gradients(m, () -> loss(m.readout(forward.apply(start))));
        }
        Random pick = new Random(11);
        int checked = 0;
        for (var e : byName.entrySet()) {
            NDArray p = e.getValue();
            double[] g = grads.get(e.getKey());
            // the largest-|g| coordinate and a random one; skip exact zeros (e.g. unused embedding rows)
            int big = 0;
            for (int i = 1; i < g.length; i++) if (Math.abs(g[i]) > Math.abs(g[big])) big = i;
            for (int flat : new int[] {big, pick.nextInt(g.length)}) {
                if (g[flat] == 0) continue;
                double fd = finiteDifference(m, forward, p, flat);
                assertEquals(
                        g[flat],
                        fd,
                        1e-6 * Math.max(1, Math.abs(fd)),
                        e.getKey() + "[" + flat + "] autograd vs finite difference");
                checked++;
            }
        }
        assertTrue(checked >= byName.size(), "checked " + checked + " coordinates");
    }

    private static double finiteDifference(ReasoningModel m, Function<Latents, Latents> forward, NDArray p, int flat) {
        double eps = 1e-5;
        NDIndex at = indexOf(p.getShape(), flat);
        try (var off = NoGrad.open();
                NDScope scope = new NDScope()) {
            double v = p.get(at).getDouble();
            p.set(at, v + eps);
            double up = loss(m.readout(forward.apply(m.initialLatents(TOKENS.length))))
                    .getDouble();
            p.set(at, v - eps);
            double down = loss(m.readout(forward.apply(m.initialLatents(TOKENS.length))))
                    .getDouble();
            p.set(at, v);
            return (up - down) / (2 * eps);
        }
    }

    private static NDIndex indexOf(Shape shape, int flat) {
        long[] idx = new long[shape.dimension()];
        for (int d = shape.dimension() - 1; d >= 0; d--) {
            idx[d] = flat % shape.get(d);
            flat /= (int) shape.get(d);
        }
        return new NDIndex(idx);
    }

    // ---------- gradient schedules ----------

    @Test
    void trmLearnsOnlyFromItsLastRoundOnThisThread() {
        trmLearnsOnlyFromItsLastRound();
    }

    @Test
    void trmLearnsOnlyFromItsLastRoundOnAFreshThread() throws Exception {
        onFreshThread(GradientTest::trmLearnsOnlyFromItsLastRound);
    }

    @Test
    void hrmLearnsOnlyFromItsLastLowAndHighUpdateOnThisThread() {
        hrmLearnsOnlyFromItsLastUpdates();
    }

    @Test
    void hrmLearnsOnlyFromItsLastLowAndHighUpdateOnAFreshThread() throws Exception {
        onFreshThread(GradientTest::hrmLearnsOnlyFromItsLastUpdates);
    }

    private static void trmLearnsOnlyFromItsLastRound() {
        TrmConfig cfg = TrmConfig.TINY_ATTENTION.withRecursion(2, 3); // n=2, T=3
        try (var m = TinyRecursiveModel.create(cfg, TASK, 9, DataType.FLOAT64);
                NDScope scope = new NDScope()) {
            Latents start = m.initialLatents(TOKENS.length);
            var step = gradients(m, () -> loss(m.readout(m.supervisionStep(start, embed(m)))));
            var lastRoundAlone = gradients(m, () -> {
                NDArray x = embed(m);
                Latents warm = m.recurse(start, x, cfg.recursions() - 1).detached(); // may record; cut here
                return loss(m.readout(m.recurse(warm, x, 1)));
            });
            var allRounds = gradients(m, () -> loss(m.readout(m.recurse(start, embed(m), cfg.recursions()))));
            assertSameGradients(lastRoundAlone, step, 1e-12);
            assertDifferent(allRounds, step); // so the check above could fail
        }
    }

    private static void hrmLearnsOnlyFromItsLastUpdates() {
        HrmConfig cfg = HrmConfig.TINY; // N = T = 2: no-grad L, L, H, L; then L, H with gradient
        try (var m = HierarchicalReasoningModel.create(cfg, TASK, 10, DataType.FLOAT64);
                NDScope scope = new NDScope()) {
            Latents start = m.initialLatents(TOKENS.length);
            var step = gradients(m, () -> loss(m.readout(m.recurse(start, embed(m)))));
            var lastUpdatesAlone = gradients(m, () -> {
                NDArray x = embed(m);
                NDArray zH = start.answer(), zL = start.reasoning();
                zL = m.low().apply(zL.add(zH.add(x)));
                zL = m.low().apply(zL.add(zH.add(x)));
                zH = m.high().apply(zH.add(zL));
                zL = m.low().apply(zL.add(zH.add(x))).stopGradient(); // cut: history ends here
                zH = zH.stopGradient();
                zL = m.low().apply(zL.add(zH.add(x)));
                zH = m.high().apply(zH.add(zL));
                return loss(m.readout(new Latents(zH, zL)));
            });
            var everyUpdate = gradients(m, () -> {
                NDArray x = embed(m);
                NDArray zH = start.answer(), zL = start.reasoning();
                for (int h = 0; h < 2; h++) {
                    for (int l = 0; l < 2; l++) zL = m.low().apply(zL.add(zH.add(x)));
                    zH = m.high().apply(zH.add(zL));
                }
                return loss(m.readout(new Latents(zH, zL)));
            });
            assertSameGradients(lastUpdatesAlone, step, 1e-12);
            assertDifferent(everyUpdate, step);
        }
    }

    // ---------- helpers ----------

    private static NDArray embed(ReasoningModel m) {
        NDManager mm = m.manager();
        return m.embed(mm.create(TOKENS), mm.create(new long[TOKENS.length]));
    }

    /** A fixed random projection of every output, so each logit matters and none is special. */
    private static NDArray loss(Readout r) {
        Random rng = new Random(42);
        NDArray logits = r.answerLogits();
        double[] w = new double[(int) logits.getShape().size()];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextGaussian();
        NDArray weights = logits.getManager().create(w, logits.getShape()).toType(logits.getDataType(), false);
        return logits.mul(weights)
                .sum()
                .add(r.haltLogit().mul(0.7).sum())
                .add(r.continueLogit().mul(-0.3).sum());
    }

    /** Backward of {@code loss} in a fresh collector; returns every gradient and zeroes them (DJL accumulates). */
    private static Map<String, double[]> gradients(ReasoningModel m, java.util.function.Supplier<NDArray> loss) {
        NDList params = new NDList(m.parameters());
        params.add(m.puzzleEmbedding());
        Map<String, double[]> out = new LinkedHashMap<>();
        try (NDScope scope = new NDScope()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.get());
            }
            for (NDArray p : params) {
                NDArray g = p.getGradient();
                out.put(p.getName(), g.toType(DataType.FLOAT64, false).toDoubleArray());
                g.muli(0);
            }
        }
        return out;
    }

    private static void assertSameGradients(Map<String, double[]> expected, Map<String, double[]> actual, double tol) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) assertArrayEquals(expected.get(k), actual.get(k), tol, k);
    }

    private static void assertDifferent(Map<String, double[]> a, Map<String, double[]> b) {
        double diff = 0;
        for (String k : a.keySet())
            for (int i = 0; i < a.get(k).length; i++) diff = Math.max(diff, Math.abs(a.get(k)[i] - b.get(k)[i]));
        assertTrue(diff > 1e-6, "full back-propagation should change the gradients, max diff " + diff);
    }

    static void onFreshThread(Runnable body) throws Exception {
        Engine.getInstance(); // loaded here, so the engine's "grad off" applies to this thread, not the fresh one
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> recordingAtStart = new AtomicReference<>();
        Thread t = new Thread(
                () -> {
                    try {
                        recordingAtStart.set(NoGrad.isRecording());
                        body.run();
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                },
                "fresh-thread");
        t.start();
        t.join();
        if (failure.get() instanceof Error e) throw e;
        if (failure.get() instanceof Exception e) throw e;
        assertEquals(Boolean.TRUE, recordingAtStart.get(), "the premise: a new thread starts with grad mode on");
    }

    static List<String> names(NDList list) {
        return list.stream().map(NDArray::getName).toList();
    }
}
