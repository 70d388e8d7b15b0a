package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.looplab.data.ArcCanvas;
import org.looplab.data.ArcDataSets;
import org.looplab.data.ArcTask;
import org.looplab.data.ArcTasks;
import org.looplab.data.ArcVersions;
import org.looplab.data.Grid;
import org.looplab.data.PuzzleSplits;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.Json;
import org.looplab.train.TrainingRun;

class ArcEvaluationTest {

    /** Tests run in lib/; the fixtures are committed at the worktree root. */
    static final Path FIXTURES = Path.of("../data/fixtures/arc");

    /** The shipped fixtures as a set: fill-box trains, flip-colours is held out (its test pair × 4 versions). */
    static final PuzzleSplits SET = ArcDataSets.build(
                    "arc-fixtures",
                    List.of(ArcTasks.read(FIXTURES.resolve("fill-box.json"))),
                    List.of(ArcTasks.read(FIXTURES.resolve("flip-colours.json"))),
                    ArcDataSets.Options.reference(3),
                    1,
                    Map.of(),
                    Json.mapper().createObjectNode(),
                    "any")
            .splits();

    static final ArcTask FLIP = ArcTasks.read(FIXTURES.resolve("flip-colours.json"));

    @Test
    void theLabelsScoreOneAndEachWrongVersionCostsItsVote() {
        int n = SET.test().count();
        assertEquals(4, n);
        byte[][] labels = new byte[n][];
        for (int i = 0; i < n; i++) labels[i] = SET.test().label(i);
        double[] q = new double[n];
        Arrays.fill(q, 0.5);
        ArcEvaluation.Result perfect = ArcEvaluation.score(SET, labels, q);
        assertEquals(1.0, perfect.passAt1());
        assertEquals(1.0, perfect.passAt2());
        ArcEvaluation.PairVotes pv = perfect.pairs().get(0);
        assertEquals(FLIP.test().get(0).output(), pv.truth(), "the truth is the original output, mapped back");
        assertEquals(FLIP.test().get(0).input(), pv.input());
        assertEquals(1, pv.ranked().size(), "all 4 versions agree once mapped back");
        assertEquals(4, pv.ranked().get(0).votes());

        // Three versions answer the same wrong grid (the input, unflipped), one the truth: top-1 wrong, top-2 right.
        byte[][] answers = labels.clone();
        for (int i = 1; i < n; i++) answers[i] = SET.test().input(i);
        ArcEvaluation.Result split = ArcEvaluation.score(SET, answers, q);
        assertEquals(0.0, split.passAt1());
        assertEquals(1.0, split.passAt2());
        // Unreadable answers (all pad) vote for nothing: three blanks and the truth still win.
        for (int i = 1; i < n; i++) answers[i] = new byte[SET.test().seqLen()];
        assertEquals(1.0, ArcEvaluation.score(SET, answers, q).passAt1());
        assertEquals(
                "task\ttest_pairs\tversions\tpass_at_1\tpass_at_2\nflip-colours\t1\t4\t1.0000\t1.0000\n",
                ArcEvaluation.score(SET, answers, q).table());
        var e = assertThrows(IllegalArgumentException.class, () -> ArcEvaluation.score(SET, new byte[1][], q));
        assertTrue(e.getMessage().contains("4 test rows but 1 answers"), e.getMessage());
    }

    @Test
    void aTinyModelRunsEndToEndOnTheFixtures() {
        try (ReasoningModel model = TrmConfig.TINY_ATTENTION.build(TrainingRun.taskOf(SET.train()), 3)) {
            ArcEvaluation.Result r = ArcEvaluation.run(model, SET, SET.train().contentHash() + "-not-this");
            assertEquals(4, r.rows());
            assertEquals(1, r.tasks().size());
            assertTrue(r.passAt2() >= r.passAt1() && r.passAt2() <= 1.0);
            int votes = r.pairs().get(0).ranked().stream()
                    .mapToInt(ArcVoting.Candidate::votes)
                    .sum();
            assertTrue(votes <= 4, "one vote per readable answer");
            // Refuses to score the training split as if held out.
            var e = assertThrows(
                    IllegalArgumentException.class,
                    () -> ArcEvaluation.run(
                            model,
                            new PuzzleSplits(SET.manifest(), SET.train(), SET.train(), SET.attachments()),
                            SET.train().contentHash()));
            assertTrue(e.getMessage().contains("training set"), e.getMessage());
        }
        // The version table names each held-out row's task and test pair.
        ArcVersions table = ArcVersions.of(SET);
        for (int i = 0; i < SET.test().count(); i++) {
            assertEquals(
                    "flip-colours",
                    table.version(SET.test().puzzleIdentifier(i)).task());
            assertEquals(0, table.testPairs()[i]);
        }
        Grid g = ArcCanvas.REFERENCE.decode(SET.test().label(0)).orElseThrow();
        assertEquals(
                FLIP.test().get(0).output(),
                table.version(SET.test().puzzleIdentifier(0))
                        .augment()
                        .inverse()
                        .apply(g));
    }
}
