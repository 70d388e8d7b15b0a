package org.looplab.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.looplab.analysis.Evaluation;
import org.looplab.model.TraceStep;

/**
 * The inference paths give today what they gave before they were merged into one: for frozen copies of the shipped 4×4 checkpoints (as they were when the snapshot was written) and 32
 * fixed 4×4 puzzles, the trace, the halting tables, the evaluation reading and the solver's answers equal the
 * snapshot in {@code src/test/resources/golden/} ({@link InferenceSnapshot#main} wrote it from the older code).
 * Floats may move in the last bits (a batch that shrinks as puzzles halt runs other matmul shapes), nothing else.
 */
class InferenceGoldenTest {
    static final float TOLERANCE = 1e-5f;

    @ParameterizedTest
    @ValueSource(strings = {"trm-mlp-sudoku4", "trm-att-sudoku4", "hrm-sudoku4"})
    void todaysInferenceMatchesTheSnapshot(String name) throws IOException {
        InferenceSnapshot before = InferenceSnapshot.read(name);
        InferenceSnapshot now = InferenceSnapshot.record(name);
        assertEquals(before.puzzles(), now.puzzles(), "the fixed puzzles");
        assertTrace(before, now);
        for (int k = 0; k < before.haltLogits().length; k++) {
            assertArrayEquals(before.haltLogits()[k], now.haltLogits()[k], TOLERANCE, "q_halt, step " + (k + 1));
            assertArrayEquals(
                    before.continueLogits()[k], now.continueLogits()[k], TOLERANCE, "q_continue, step " + (k + 1));
        }
        if (name.startsWith("hrm")) {
            assertHrmHaltsWhereQHaltBeatsQContinue(before, now);
            return;
        }
        assertEquals(before.tables(), now.tables(), name + ": halting tables");
        assertEvaluations(before.evaluations(), now.evaluations());
        assertAnswers(before.answers(), now.answers());
    }

    /**
     * HRM is where the behaviour changed on purpose: the snapshot's code stopped HRM where sigmoid(q_halt) reached the
     * threshold; now it stops at the first step where q_halt > q_continue (its own training rule), whatever the
     * threshold. Everything else must be as before. The expected stops are replayed here from the snapshot's own
     * logits and answers, independently of the code under test.
     */
    static void assertHrmHaltsWhereQHaltBeatsQContinue(InferenceSnapshot before, InferenceSnapshot now) {
        int nSup = before.trace().size(), n = before.puzzles().size();
        int[] stop = new int[n];
        boolean[] fired = new boolean[n];
        for (int i = 0; i < n; i++) {
            stop[i] = nSup;
            for (int k = 1; k <= nSup; k++) {
                if (before.haltLogits()[k - 1][i] > before.continueLogits()[k - 1][i]) {
                    stop[i] = k;
                    fired[i] = true;
                    break;
                }
            }
        }
        int[][] labels = new int[n][];
        var set = InferenceSnapshot.dataSet(InferenceSnapshot.fixedPuzzles());
        for (int i = 0; i < n; i++) labels[i] = set.labelInts(i);
        // The rule fires somewhere and not everywhere at step 1 (else this would pin little).
        assertTrue(
                java.util.stream.IntStream.of(stop).distinct().count() > 1, "HRM stops vary: " + Arrays.toString(stop));
        // Evaluation: the full reading as before; the adaptive one at the rule's stops.
        for (String t : before.evaluations().keySet()) {
            Evaluation.Result a = before.evaluations().get(t),
                    b = now.evaluations().get(t);
            assertEquals(a.exactAccuracy(), b.exactAccuracy(), 1e-12, "full exact @" + t);
            assertEquals(a.cellAccuracy(), b.cellAccuracy(), 1e-12, "full cell @" + t);
            assertArrayEquals(stop, b.stepsUsed(), "adaptive steps @" + t);
            double exact = 0;
            for (int i = 0; i < n; i++)
                exact += Arrays.equals(before.trace().get(stop[i] - 1).prediction()[i], labels[i]) ? 1 : 0;
            assertEquals(exact / n, b.adaptiveExact(), 1e-12, "adaptive exact @" + t);
        }
        // Halting tables: each puzzle halts at the rule's stop, and the caption names the rule.
        for (String key : now.tables().keySet()) {
            if (!key.endsWith("/perPuzzle")) continue;
            String table = now.tables().get(key);
            assertTrue(table.contains("q_halt > q_continue"), table);
            List<String> lines =
                    table.lines().filter(l -> l.matches("\\s*\\d+\\s*\\|.*")).toList();
            assertEquals(n, lines.size(), table);
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i).split("\\|");
                assertEquals(stop[i], Integer.parseInt(cells[4].strip()), key + " row " + i + ": " + lines.get(i));
            }
        }
        // The service: same rule; a budget of 3 caps it; the threshold no longer matters.
        for (var e : now.answers().entrySet()) {
            String[] k = e.getKey().split("/");
            int i = Integer.parseInt(k[1]), cap = k[0].equals("max_steps=3") ? 3 : nSup;
            int expected = Math.min(stop[i], cap);
            Map<String, Object> a = e.getValue();
            assertEquals(expected, ((Number) a.get("steps_used")).intValue(), e.getKey());
            assertEquals(fired[i] && stop[i] <= cap, a.get("halted"), e.getKey());
            assertEquals(
                    before.trace().get(expected - 1).haltProbability()[i],
                    ((Number) a.get("halt_probability")).floatValue(),
                    TOLERANCE,
                    e.getKey());
            assertEquals(text(before.trace().get(expected - 1).prediction()[i]), a.get("model_solution"), e.getKey());
        }
    }

    /** A predicted 4×4 grid as the service writes it: digit d for token d + 1, '.' for anything else. */
    static String text(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) sb.append(t >= 2 && t <= 5 ? (char) ('0' + t - 1) : '.');
        return sb.toString();
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
