package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.analysis.ArcEvaluation;
import org.looplab.data.ArcFamily;
import org.looplab.data.ArcVersions;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;

class ArcPicturesTest {

    @Test
    void versionsAndVotesAreDrawnFromTheSetsOwnTables() {
        var spec = PuzzleDataSets.spec("arc-family", Profile.SMOKE);
        PuzzleSplits set = PuzzleDataSets.build(spec);
        var task = ArcFamily.of(spec).evaluation().get(0);
        var augments = ArcVersions.of(set).augmentsOf(task.id());
        assertEquals(3, augments.size(), "original + 2 versions on smoke");
        BufferedImage versions = ArcPictures.versions(task, augments);
        assertTrue(versions.getHeight() > 3 * 20, "one row per version");

        // Answers = the labels: every pair's vote is unanimous and right.
        int n = set.test().count();
        byte[][] answers = new byte[n][];
        for (int i = 0; i < n; i++) answers[i] = set.test().label(i);
        double[] q = new double[n];
        Arrays.fill(q, 0.9);
        ArcEvaluation.Result r = ArcEvaluation.score(set, answers, q);
        assertEquals(1.0, r.passAt2());
        assertEquals(4, r.taskTable().rowCount());
        assertTrue(r.taskTable().name().contains("pass@2 1.000"), r.taskTable().name());
        BufferedImage votes = ArcPictures.votes(r.pairs().get(0), 2);
        assertTrue(votes.getWidth() > 3 * 16, "input, truth and one candidate");
    }
}
