package org.looplab.golden;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.looplab.analysis.Evaluation;
import org.looplab.model.TraceStep;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inference paths give today what they gave before they were merged into one: for shipped checkpoints and 32
 * fixed 4×4 puzzles, the trace, the halting tables, the evaluation reading and the solver's answers equal the
 * snapshot in {@code src/test/resources/golden/} ({@link InferenceSnapshot#main} wrote it from the older code).
 * Floats may move in the last bits (a batch that shrinks as puzzles halt runs other matmul shapes), nothing else.
 */
class InferenceGoldenTest {
    static final float TOLERANCE = 1e-5f;

    @ParameterizedTest
    @ValueSource(strings = {"trm-mlp-sudoku4", "trm-att-sudoku4"})
    void todaysInferenceMatchesTheSnapshot(String name) throws IOException {
        InferenceSnapshot before = InferenceSnapshot.read(name);
        InferenceSnapshot now = InferenceSnapshot.record(name);
        assertEquals(before.puzzles(), now.puzzles(), "the fixed puzzles");
        assertTrace(before, now);
        for (int k = 0; k < before.haltLogits().length; k++) {
            assertArrayEquals(before.haltLogits()[k], now.haltLogits()[k], TOLERANCE, "q_halt, step " + (k + 1));
            assertArrayEquals(before.continueLogits()[k], now.continueLogits()[k], TOLERANCE,
                    "q_continue, step " + (k + 1));
        }
        assertEquals(before.tables(), now.tables(), name + ": halting tables");
        assertEvaluations(before.evaluations(), now.evaluations());
        assertAnswers(before.answers(), now.answers());
    }

    static void assertTrace(InferenceSnapshot before, InferenceSnapshot now) {
        assertEquals(before.trace().size(), now.trace().size(), "trace steps");
        for (int k = 0; k < before.trace().size(); k++) {
            TraceStep a = before.trace().get(k), b = now.trace().get(k);
            String at = before.checkpoint() + " step " + a.step();
            assertEquals(a.step(), b.step());
            assertEquals(a.prediction().length, b.prediction().length, at);
            for (int i = 0; i < a.prediction().length; i++)
                assertArrayEquals(a.prediction()[i], b.prediction()[i], at + ", puzzle " + i + " prediction");
            assertArrayEquals(a.haltProbability(), b.haltProbability(), TOLERANCE, at + " halt probability");
            assertArrayEquals(a.latentChange(), b.latentChange(), TOLERANCE, at + " |Δz|");
            assertArrayEquals(a.answerChange(), b.answerChange(), TOLERANCE, at + " |Δy|");
            for (int i = 0; i < a.latentGroups().length; i++)
                assertArrayEquals(a.latentGroups()[i], b.latentGroups()[i], TOLERANCE, at + " latent bars " + i);
        }
    }

    static void assertEvaluations(Map<String, Evaluation.Result> before, Map<String, Evaluation.Result> now) {
        assertEquals(before.keySet(), now.keySet());
        for (String t : before.keySet()) {
            Evaluation.Result a = before.get(t), b = now.get(t);
            assertEquals(a.data(), b.data());
            assertEquals(a.puzzles(), b.puzzles());
            assertEquals(a.supervisionSteps(), b.supervisionSteps());
            assertEquals(a.exactAccuracy(), b.exactAccuracy(), 1e-12, "exact @" + t);
            assertEquals(a.cellAccuracy(), b.cellAccuracy(), 1e-12, "cell @" + t);
            assertEquals(a.adaptiveExact(), b.adaptiveExact(), 1e-12, "adaptive exact @" + t);
            assertEquals(a.adaptiveCell(), b.adaptiveCell(), 1e-12, "adaptive cell @" + t);
            assertEquals(a.meanSteps(), b.meanSteps(), 1e-12, "mean steps @" + t);
            assertArrayEquals(a.stepsUsed(), b.stepsUsed(), "steps used @" + t);
        }
    }

    static void assertAnswers(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> now) {
        assertEquals(before.keySet(), now.keySet());
        for (String key : before.keySet()) {
            Map<String, Object> a = new java.util.HashMap<>(before.get(key)), b = new java.util.HashMap<>(now.get(key));
            double pa = ((Number) a.remove("halt_probability")).doubleValue();
            double pb = ((Number) b.remove("halt_probability")).doubleValue();
            assertEquals(pa, pb, TOLERANCE, key + " halt probability");
            assertEquals(a, b, key);
        }
    }
}
