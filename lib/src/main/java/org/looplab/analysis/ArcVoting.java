package org.looplab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.looplab.data.Grid;

/**
 * The papers' vote over augmented versions (TRM code's ARC evaluator): each version's answer, mapped back through
 * its inverse augmentation, is one vote for that grid; candidates rank by number of votes, then by the mean
 * sigmoid(q_halt) of their voters, then by first appearance (the reference sorts stably, in order of first
 * appearance). An answer that cannot be read (no grid at the canvas corner) votes for nothing. pass@k is whether
 * the true output is among the first k candidates.
 */
public final class ArcVoting {
    private ArcVoting() {}

    /** One version's answer, already mapped back, and the halt head's confidence in it. */
    public record Vote(Optional<Grid> answer, double haltProbability) {}

    /** A distinct answer, its votes and the mean halt probability of its voters. */
    public record Candidate(Grid answer, int votes, double meanHaltProbability) {}

    public static List<Candidate> rank(List<Vote> votes) {
        Map<Grid, double[]> tally = new LinkedHashMap<>(); // answer → {votes, sum of halt probabilities}
        for (Vote v : votes) {
            if (v.answer().isEmpty()) continue;
            double[] t = tally.computeIfAbsent(v.answer().get(), g -> new double[2]);
            t[0]++;
            t[1] += v.haltProbability();
        }
        List<Candidate> out = new ArrayList<>();
        tally.forEach((g, t) -> out.add(new Candidate(g, (int) t[0], t[1] / t[0])));
        // List.sort is stable: equal candidates keep the order of first appearance.
        out.sort(Comparator.comparingInt(Candidate::votes)
                .thenComparingDouble(Candidate::meanHaltProbability)
                .reversed());
        return out;
    }

    /** True when {@code truth} is among the first {@code k} candidates. */
    public static boolean solvedWithin(List<Candidate> ranked, Grid truth, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++)
            if (ranked.get(i).answer().equals(truth)) return true;
        return false;
    }
}
