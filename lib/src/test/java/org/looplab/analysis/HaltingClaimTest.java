package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.model.Backprop;
import org.looplab.model.HrmConfig;
import org.looplab.model.Mixer;
import org.looplab.model.PositionEncoding;
import org.looplab.model.TrmConfig;

/** Spearman with ties, the difficulty buckets' mean halting steps and the claim's verdict, on hand-made puzzles. */
class HaltingClaimTest {
    private static final boolean T = true, F = false;
    private static final HaltingUnits TRM_N3_T2 = HaltingUnits.of(
            new TrmConfig(64, 4, 4, 2, Mixer.MLP, PositionEncoding.NONE, 3, 2, 4, 16, Backprop.FULL_RECURSION));

    private static PuzzleTrajectory p(int row, int backtracks, float[] halt, boolean[] correct) {
        return new PuzzleTrajectory(row, backtracks, 30, halt, correct, new int[halt.length], new int[halt.length]);
    }

    private static final float[] AT1 = {0.9f, 0.9f, 0.9f, 0.9f},
            AT2 = {0.1f, 0.9f, 0.9f, 0.9f},
            AT3 = {0.1f, 0.1f, 0.9f, 0.9f},
            AT4 = {0.1f, 0.1f, 0.1f, 0.9f};

    // Backtracks 0, 0, 1, 1, 5, 5 (three distinct levels, two puzzles each: easy, medium, hard);
    // halting steps 1, 1, 2, 2, 4, 3; every puzzle is right from its halting step on.
    private static List<PuzzleTrajectory> six(float[] p4Halt) {
        return List.of(
                p(0, 0, AT1, new boolean[] {T, T, T, T}),
                p(1, 0, AT1, new boolean[] {T, T, T, T}),
                p(2, 1, AT2, new boolean[] {F, T, T, T}),
                p(3, 1, AT2, new boolean[] {F, T, T, T}),
                p(4, 5, p4Halt, new boolean[] {F, F, T, T}),
                p(5, 5, AT3, new boolean[] {F, F, T, T}));
    }

    @Test
    void averageRanksShareTiesAndSpearmanIsPearsonOfRanks() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Statistics.averageRanks(new double[] {10, 20, 20, 30}));
        assertArrayEquals(new double[] {3, 1, 2}, Statistics.averageRanks(new double[] {7, -1, 0}));
        // Monotone but not linear: rank correlation is exactly 1, and -1 reversed.
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(1, Statistics.spearman(x, new double[] {1, 4, 9, 16, 25}), 1e-12);
        assertEquals(-1, Statistics.spearman(x, new double[] {25, 16, 9, 4, 1}), 1e-12);
        // Ties: x ranks 1..4 (deviations -1.5 -.5 .5 1.5), y ranks 1.5 1.5 3.5 3.5 (deviations -1 -1 1 1):
        // sxy = 4, sxx = 5, syy = 4, rho = 4 / sqrt(20).
        assertEquals(
                4 / Math.sqrt(20), Statistics.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 1, 2, 2}), 1e-12);
        assertTrue(Double.isNaN(Statistics.spearman(x, new double[] {3, 3, 3, 3, 3})), "constant: undefined");
    }

    @Test
    void harderPuzzlesHaltingLaterSupportTheClaim() {
        HaltingClaim c = HaltingClaim.of(new HaltingStats("hand-made", "six", 0.5, six(AT4)), TRM_N3_T2);
        // difficulty ranks 1.5 1.5 3.5 3.5 5.5 5.5 (dev -2 -2 0 0 2 2); step ranks 1.5 1.5 3.5 3.5 6 5
        // (dev -2 -2 0 0 2.5 1.5): sxy = 16, sxx = 16, syy = 16.5.
        assertEquals(16 / Math.sqrt(16 * 16.5), c.spearman(), 1e-12);
        assertEquals(
                List.of(DifficultyBucket.EASY, DifficultyBucket.MEDIUM, DifficultyBucket.HARD),
                c.buckets().stream().map(HaltingClaim.BucketSteps::bucket).toList());
        assertArrayEquals(
                new double[] {1, 2, 3.5},
                c.buckets().stream()
                        .mapToDouble(HaltingClaim.BucketSteps::meanSteps)
                        .toArray(),
                1e-12);
        assertEquals(5, c.buckets().get(2).minDifficulty());
        assertTrue(c.risesAcrossBuckets());
        assertEquals(1.0, c.adaptiveExact());
        assertEquals(1.0, c.fullExact());
        assertEquals(13 / 6.0, c.meanSteps(), 1e-12);
        assertEquals("supported", c.verdict());
        // n = 3, T = 2: a supervision step is 2 y-updates and 8 net calls.
        String lines = c.lines();
        assertTrue(lines.contains("spearman_difficulty_steps: 0.9847"), lines);
        assertTrue(lines.contains("adaptive_exact: 1.0000") && lines.contains("full_exact: 1.0000"), lines);
        assertTrue(
                lines.contains("mean_steps: 2.167")
                        && lines.contains("mean_answer_updates: 4.333")
                        && lines.contains("mean_net_calls: 17.333"),
                lines);
        assertEquals(3, c.bucketTable().rowCount());
        assertEquals(8.0, c.bucketTable().doubleColumn("mean net calls").get(0), 1e-12);
        // Hard halts at 3.5 steps on average, easy at 1: 3.5 times as late, rho 0.98: the deck's shape.
        assertEquals(3.5, c.hardToEasyRatio(), 1e-12);
        assertEquals("in the deck's shape", c.deckShape());
        assertTrue(
                lines.contains("hard_easy_step_ratio: 3.500") && lines.contains("deck_shape: in the deck's shape"),
                lines);
    }

    @Test
    void risingButShallowHaltingIsNotTheDecksShape() {
        // Easy puzzles halt at step 2, medium at 2 and 3, hard at 3: halting rises with difficulty, but the hard
        // bucket takes only 1.5 times as long as the easy one, where the deck's 4-6 against 12-16 is 2-3 times.
        HaltingClaim shallow = HaltingClaim.of(
                new HaltingStats(
                        "hand-made",
                        "shallow",
                        0.5,
                        List.of(
                                p(0, 0, AT2, new boolean[] {T, T, T, T}),
                                p(1, 0, AT2, new boolean[] {T, T, T, T}),
                                p(2, 1, AT2, new boolean[] {T, T, T, T}),
                                p(3, 1, AT3, new boolean[] {T, T, T, T}),
                                p(4, 5, AT3, new boolean[] {T, T, T, T}),
                                p(5, 5, AT3, new boolean[] {T, T, T, T}))),
                TRM_N3_T2);
        assertEquals(1.5, shallow.hardToEasyRatio(), 1e-12);
        assertTrue(shallow.deckShape().contains("hard/easy mean halting step 1.50 < 2.0"), shallow.deckShape());
        // The notebook's table of the same reading: the numbers are the measurement's, the verdicts its methods'.
        var facts = shallow.shapeFacts();
        assertEquals(
                "easy 2.00 → medium 2.50 → hard 3.00", facts.get("mean halting step, easy → hard (supervision steps)"));
        assertTrue(facts.get("hard/easy mean halting step").startsWith("1.50 "), facts.toString());
        assertEquals(shallow.deckShape(), facts.get("deck's shape (rho ≥ 0.5, hard/easy ≥ 2)"));
        assertEquals(
                shallow.verdict(),
                facts.get("halting claim (rho ≥ 0.4, rising over 3 buckets, adaptive within 1 point)"));
        assertEquals("1.000 / 1.000 at 2.50 steps on average", facts.get("exact match: all 4 steps / adaptive"));
    }

    @Test
    void haltingTooEarlyOrNotVaryingIsNotSupportedAndSaysWhy() {
        // P4 (hard) now halts at step 2, where it is still wrong: adaptive 5/6 against 6/6 with all steps.
        HaltingClaim early = HaltingClaim.of(new HaltingStats("hand-made", "six", 0.5, six(AT2)), TRM_N3_T2);
        assertEquals(5 / 6.0, early.adaptiveExact(), 1e-12);
        assertTrue(early.verdict().contains("more than 1 point below"), early.verdict());
        // Everything halts at step 1: no ordering of halting steps, so rho is undefined, and nothing rises.
        List<PuzzleTrajectory> flat = List.of(
                p(0, 0, AT1, new boolean[] {T, T, T, T}),
                p(1, 3, AT1, new boolean[] {T, T, T, T}),
                p(2, 9, AT1, new boolean[] {T, T, T, T}));
        HaltingClaim c = HaltingClaim.of(new HaltingStats("hand-made", "flat", 0.5, flat), TRM_N3_T2);
        assertTrue(Double.isNaN(c.spearman()));
        assertFalse(c.risesAcrossBuckets());
        assertTrue(c.verdict().startsWith("not supported: rho undefined"), c.verdict());
        assertTrue(c.lines().contains("spearman_difficulty_steps: NaN"), c.lines());
    }

    @Test
    void unitsOfOneSupervisionStep() {
        HaltingUnits deck = HaltingUnits.of(
                new TrmConfig(64, 4, 4, 2, Mixer.MLP, PositionEncoding.NONE, 1, 1, 16, 16, Backprop.FULL_RECURSION));
        assertEquals(1, deck.answerUpdatesPerStep());
        assertEquals(2, deck.netCallsPerStep());
        assertTrue(deck.sameAsDeckIteration());
        assertEquals(21, HaltingUnits.of(TrmConfig.PAPER_MLP).netCallsPerStep()); // T(n+1) = 3·7
        assertFalse(HaltingUnits.of(TrmConfig.PAPER_MLP).sameAsDeckIteration());
        HaltingUnits hrm = HaltingUnits.of(HrmConfig.PAPER); // N = 2, T = 2
        assertEquals(2, hrm.answerUpdatesPerStep());
        assertEquals(6, hrm.netCallsPerStep());
    }
}
