package org.looplab.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds up evaluations of consecutive parts of one test set (a puzzle file read a chunk at a time, so memory stays
 * flat however long the file) into the result one evaluation of the whole would give: means weighted by puzzles,
 * steps concatenated in order.
 */
public final class EvaluationTotals {
    private final List<Evaluation.Result> parts = new ArrayList<>();

    public void add(Evaluation.Result part) {
        if (!parts.isEmpty()
                && (part.supervisionSteps() != parts.get(0).supervisionSteps()
                        || part.threshold() != parts.get(0).threshold()))
            throw new IllegalArgumentException("parts evaluated with other settings cannot be added up");
        parts.add(part);
    }

    public int puzzles() {
        return parts.stream().mapToInt(Evaluation.Result::puzzles).sum();
    }

    /** The whole, named {@code data}; at least one part must have been added. */
    public Evaluation.Result total(String data) {
        if (parts.isEmpty()) throw new IllegalStateException(data + ": no puzzles evaluated");
        int n = puzzles();
        double exact = 0, cell = 0, adaptExact = 0, adaptCell = 0, steps = 0;
        int[] used = new int[n];
        int at = 0;
        for (Evaluation.Result p : parts) {
            exact += p.exactAccuracy() * p.puzzles();
            cell += p.cellAccuracy() * p.puzzles();
            adaptExact += p.adaptiveExact() * p.puzzles();
            adaptCell += p.adaptiveCell() * p.puzzles();
            steps += p.meanSteps() * p.puzzles();
            System.arraycopy(p.stepsUsed(), 0, used, at, p.puzzles());
            at += p.puzzles();
        }
        Evaluation.Result first = parts.get(0);
        return new Evaluation.Result(
                data,
                n,
                first.supervisionSteps(),
                exact / n,
                cell / n,
                first.threshold(),
                adaptExact / n,
                adaptCell / n,
                steps / n,
                used);
    }
}
