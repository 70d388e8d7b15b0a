package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.looplab.data.Grid;

class ArcVotingTest {

    static final Grid A = Grid.of(new int[][] {{1}}), B = Grid.of(new int[][] {{2}}), C = Grid.of(new int[][] {{3}});

    static ArcVoting.Vote vote(Grid g, double q) {
        return new ArcVoting.Vote(Optional.ofNullable(g), q);
    }

    @Test
    void moreVotesWinThenTheHaltHeadsMeanConfidence() {
        // B: 3 votes; A and C: 2 each, A surer on average (0.8 vs 0.5); one unreadable answer votes for nothing.
        List<ArcVoting.Candidate> r = ArcVoting.rank(List.of(
                vote(C, 0.9),
                vote(A, 0.7),
                vote(B, 0.1),
                vote(C, 0.1),
                vote(B, 0.2),
                vote(null, 1.0),
                vote(A, 0.9),
                vote(B, 0.3)));
        assertEquals(
                List.of(B, A, C), r.stream().map(ArcVoting.Candidate::answer).toList());
        assertEquals(3, r.get(0).votes());
        assertEquals(0.8, r.get(1).meanHaltProbability(), 1e-12);
        assertFalse(ArcVoting.solvedWithin(r, A, 1));
        assertTrue(ArcVoting.solvedWithin(r, A, 2));
        assertFalse(ArcVoting.solvedWithin(r, C, 2));
        assertTrue(ArcVoting.solvedWithin(r, C, 3));
    }

    @Test
    void fullTiesKeepTheOrderOfFirstAppearance() {
        List<ArcVoting.Candidate> r = ArcVoting.rank(List.of(vote(C, 0.5), vote(A, 0.5), vote(B, 0.5)));
        assertEquals(
                List.of(C, A, B), r.stream().map(ArcVoting.Candidate::answer).toList());
        assertTrue(ArcVoting.rank(List.of(vote(null, 0.9))).isEmpty());
    }
}
