package org.looplab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBehaviourTest {
    private static final TaskShape SUDOKU4 = TaskShape.sudoku(4); // vocab 6, 16 cells
    private static final long[][] PUZZLES = {
        {2, 1, 4, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1, 5, 1, 2},
        {1, 3, 1, 1, 4, 1, 1, 1, 1, 1, 2, 1, 1, 1, 5, 1},
        {5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4}
    };

    private static List<ModelConfig> tinyConfigs() {
        return List.of(TrmConfig.TINY_ATTENTION, TrmConfig.TINY_MLP, HrmConfig.TINY, DirectConfig.TINY);
    }

    /** Answer logits and halt logits after one supervision step from the initial carry, as Java arrays. */
    private static float[][] outputs(ReasoningModel m) {
        try (var off = NoGrad.open();
                NDScope scope = new NDScope();
                NDManager in = m.manager().newSubManager()) {
            NDArray x = m.embed(in.create(PUZZLES), in.create(new long[PUZZLES.length]));
            Readout r = m.readout(m.supervisionStep(m.initialLatents(PUZZLES.length), x));
            return new float[][] {r.answerLogits().toFloatArray(), r.haltLogit().toFloatArray()};
        }
    }

    @Test
    void shapesThroughEmbedStepAndReadout() {
        for (ModelConfig cfg : tinyConfigs()) {
            try (ReasoningModel m = cfg.build(SUDOKU4, 1);
                    var off = NoGrad.open();
                    NDScope scope = new NDScope()) {
                NDManager mm = m.manager();
                int seq = cfg.prefixLength() + 16;
                NDArray x = m.embed(mm.create(PUZZLES), mm.create(new long[3]));
                assertEquals(new Shape(3, seq, cfg.hiddenSize()), x.getShape(), cfg.toString());
                Latents s = m.supervisionStep(m.initialLatents(3), x);
                assertEquals(new Shape(3, seq, cfg.hiddenSize()), s.answer().getShape());
                assertEquals(new Shape(3, seq, cfg.hiddenSize()), s.reasoning().getShape());
                Readout r = m.readout(s);
                assertEquals(new Shape(3, 16, 6), r.answerLogits().getShape());
                assertEquals(new Shape(3), r.haltLogit().getShape());
                assertEquals(new Shape(3), r.continueLogit().getShape());
                // halt head starts at weight 0, bias -5: every puzzle says "don't stop" with the same logit
                for (float q : r.haltLogit().toFloatArray()) assertEquals(-5f, q, 0f);
            }
        }
    }

    @Test
    void embeddingScalesBySqrtHiddenAndPrefixStartsAtZero() {
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(SUDOKU4, 1);
                var off = NoGrad.open();
                NDScope scope = new NDScope()) {
            NDManager mm = m.manager();
            NDArray x = m.embed(mm.create(PUZZLES), mm.create(new long[3]));
            assertEquals(0f, x.get(":, :16").abs().max().getFloat(), 0f, "zero-initialised puzzle prefix");
            NDArray table = m.parameters().stream()
                    .filter(p -> p.getName().equals("embed.tokens"))
                    .findFirst()
                    .orElseThrow();
            // cell 0 of puzzle 0 holds token 2
            assertArrayEquals(
                    table.get("2").mul(Math.sqrt(32)).toFloatArray(),
                    x.get("0, 16").toFloatArray(),
                    1e-5f);
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        for (ModelConfig cfg : tinyConfigs()) {
            try (ReasoningModel a = cfg.build(SUDOKU4, 7);
                    ReasoningModel b = cfg.build(SUDOKU4, 7);
                    ReasoningModel c = cfg.build(SUDOKU4, 8)) {
                NDList pa = a.parameters(), pb = b.parameters(), pc = c.parameters();
                boolean anyDiffers = false;
                for (int i = 0; i < pa.size(); i++) {
                    assertEquals(pa.get(i).getName(), pb.get(i).getName());
                    assertArrayEquals(
                            pa.get(i).toFloatArray(),
                            pb.get(i).toFloatArray(),
                            pa.get(i).getName());
                    anyDiffers |= !java.util.Arrays.equals(
                            pa.get(i).toFloatArray(), pc.get(i).toFloatArray());
                }
                assertTrue(anyDiffers, "seed 8 should draw other weights");
                float[][] oa = outputs(a), ob = outputs(b);
                assertArrayEquals(oa[0], ob[0], cfg.toString());
                assertArrayEquals(oa[1], ob[1]);
            }
        }
    }

    @Test
    void initialWeightsFollowTruncatedLecunNormal() {
        try (ReasoningModel m = TrmConfig.SMALL_ATTENTION.build(TaskShape.sudoku9(), 3)) {
            NDArray qkv = m.parameters().stream()
                    .filter(p -> p.getName().equals("net.0.attention.qkv"))
                    .findFirst()
                    .orElseThrow(); // [384, 128]
            float[] w = qkv.toFloatArray();
            double sum = 0, sq = 0, max = 0;
            for (float v : w) {
                sum += v;
                sq += v * v;
                max = Math.max(max, Math.abs(v));
            }
            double std = Math.sqrt(sq / w.length - Math.pow(sum / w.length, 2));
            assertEquals(1 / Math.sqrt(128), std, 0.02 / Math.sqrt(128), "std 1/sqrt(fan_in) after truncation");
            assertTrue(max <= 2 / Math.sqrt(128) / ParameterInit.TRUNCATED_STD + 1e-6, "cut at 2 sigma: " + max);
        }
    }

    @Test
    void savedAndLoadedModelsPredictTheSame(@TempDir Path dir) {
        for (ModelConfig cfg : tinyConfigs()) {
            Path folder = dir.resolve(cfg.getClass().getSimpleName() + cfg.hashCode());
            try (ReasoningModel m = cfg.build(SUDOKU4, 21)) {
                float[][] before = outputs(m);
                m.save(folder);
                try (ReasoningModel back = Checkpoint.load(folder)) {
                    assertEquals(cfg, back.config());
                    assertEquals(m.getClass(), back.getClass());
                    assertEquals(GradientTest.names(m.parameters()), GradientTest.names(back.parameters()));
                    float[][] after = outputs(back);
                    assertArrayEquals(before[0], after[0]);
                    assertArrayEquals(before[1], after[1]);
                }
            }
        }
    }

    @Test
    void truncatedOrMissingCheckpointFailsNamingTheFile(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("ckpt");
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(SUDOKU4, 2)) {
            m.save(folder);
        }
        Path params = folder.resolve(Checkpoint.PARAMS_FILE);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(folder));
        assertTrue(e.getMessage().contains(params.toString()) && e.getMessage().contains("truncated"), e.getMessage());

        Files.delete(params);
        var missing = assertThrows(RuntimeException.class, () -> Checkpoint.load(folder));
        assertTrue(missing.getMessage().contains(params.toString()), missing.getMessage());

        Path config = folder.resolve(Checkpoint.CONFIG_FILE);
        Files.writeString(config, Files.readString(config).replace("\"latentSteps\"", "\"latentStep\""));
        var bad = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(folder));
        assertTrue(bad.getMessage().contains(config.toString()), bad.getMessage());
    }

    @Test
    void noGradStopsRecordingOnAFreshThreadAndRestoresTheMode() throws Exception {
        GradientTest.onFreshThread(() -> {
            try (ReasoningModel m = TrmConfig.TINY_MLP.build(SUDOKU4, 1);
                    NDScope scope = new NDScope()) {
                NDArray p = m.parameters().get(0);
                assertTrue(recorded(p.mul(p).sum(), p), "premise: this thread records outside any collector");
                NDArray offTheRecord;
                try (var off = NoGrad.open()) {
                    assertFalse(NoGrad.isRecording());
                    offTheRecord = p.mul(p).sum();
                }
                assertFalse(recorded(offTheRecord, p));
                assertTrue(NoGrad.isRecording(), "restored");
            }
        });
    }

    /**
     * Whether {@code result} carries a graph back to {@code leaf}: backward succeeds only then. (JniUtils.requiresGrad
     * reports false even for recorded results, and torchGradFnName crashes the JVM on a tensor without one.)
     */
    private static boolean recorded(NDArray result, NDArray leaf) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(result);
        } catch (RuntimeException e) {
            return false;
        }
        leaf.getGradient().muli(0);
        return true;
    }

    @Test
    void traceRecordsEveryStepAndLeavesNoArraysBehind() throws Exception {
        try (ReasoningModel m = TrmConfig.TINY_ATTENTION.build(SUDOKU4, 5)) {
            int before = m.manager().getManagedArrays().size();
            RecursionTrace t = RecursionTrace.of(m, PUZZLES);
            assertEquals(before, m.manager().getManagedArrays().size(), "trace must close what it makes");
            assertEquals(TrmConfig.TINY_ATTENTION.supervisionSteps(), t.steps().size());
            TraceStep first = t.steps().get(0);
            assertEquals(1, first.step());
            assertEquals(3, first.prediction().length);
            assertEquals(16, first.prediction()[0].length);
            assertEquals(RecursionTrace.LATENT_GROUPS, first.latentGroups()[0].length);
            for (float p : first.haltProbability()) assertEquals(1 / (1 + Math.exp(5)), p, 1e-6); // sigmoid(-5)
            for (TraceStep s : t.steps()) for (float d : s.latentChange()) assertTrue(d > 0, "z moves each step");
            assertEquals(t.steps().size(), t.table(0).rowCount());
            try (NDManager in = m.manager().newSubManager()) {
                RecursionTrace fromArrays = RecursionTrace.of(
                        m, in.create(PUZZLES), in.zeros(new Shape(3), ai.djl.ndarray.types.DataType.INT32));
                assertArrayEquals(
                        t.steps().get(1).prediction()[2],
                        fromArrays.steps().get(1).prediction()[2]);
            }

            // the same trace from a pool thread, where grad mode starts on: same numbers
            List<RecursionTrace> other = new ArrayList<>();
            GradientTest.onFreshThread(() -> other.add(RecursionTrace.of(m, PUZZLES)));
            for (int k = 0; k < t.steps().size(); k++)
                assertArrayEquals(
                        t.steps().get(k).latentChange(),
                        other.get(0).steps().get(k).latentChange());
        }
    }

    @Test
    void traceWorksForEveryModel() {
        for (ModelConfig cfg : tinyConfigs()) {
            try (ReasoningModel m = cfg.build(SUDOKU4, 5)) {
                int before = m.manager().getManagedArrays().size();
                RecursionTrace t = RecursionTrace.of(m, PUZZLES);
                assertEquals(cfg.supervisionSteps(), t.steps().size(), cfg.toString());
                assertEquals(before, m.manager().getManagedArrays().size(), cfg.toString());
            }
        }
    }

    @Test
    void traceRejectsTokensOutsideTheVocabulary() {
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(SUDOKU4, 5)) {
            long[][] bad = {PUZZLES[0].clone()};
            bad[0][3] = 6;
            var e = assertThrows(IllegalArgumentException.class, () -> RecursionTrace.of(m, bad));
            assertTrue(e.getMessage().contains("tokens[0][3] = 6"), e.getMessage());
        }
    }
}
