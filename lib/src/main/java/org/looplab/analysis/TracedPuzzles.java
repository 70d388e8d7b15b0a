package org.looplab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.looplab.data.Maze;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.model.HaltingRule;
import org.looplab.model.Latents;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionTrace;
import org.looplab.model.TraceStep;
import org.looplab.provenance.CodeVersion;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Real traces of a model on a few easy and hard test puzzles, in the plain form the trace viewer embeds as JSON.
 *
 * @param title     shown at the top of the viewer
 * @param model     what was traced (checkpoint folder, or a note that the model is untrained)
 * @param data      test set name and content hash
 * @param threshold the halt threshold the viewer marks
 * @param code      lib version and commit that made the traces
 * @param symbols   how each token id is drawn ("" for blank and pad)
 * @param puzzles   in the order "new puzzle" cycles through them: easy, hard, easy, hard, ... ({@link #of}), or
 *                  hardest first ({@link #hardest})
 * @param names     what the model's paper calls the answer latent and the latent the bars summarise (TRM: y and z;
 *                  HRM: z_H and z_L)
 */
public record TracedPuzzles(
        String title,
        String model,
        String data,
        double threshold,
        String code,
        int side,
        List<String> symbols,
        List<Puzzle> puzzles,
        Latents.Names names) {

    /** Traces of a TRM (names y and z), as written before the names were recorded. */
    public TracedPuzzles(
            String title,
            String model,
            String data,
            double threshold,
            String code,
            int side,
            List<String> symbols,
            List<Puzzle> puzzles) {
        this(title, model, data, threshold, code, side, symbols, puzzles, Latents.Names.TRM);
    }

    /**
     * One puzzle and its N_sup steps.
     *
     * @param bucket   easy, medium or hard among the candidate rows ({@link DifficultyBucket})
     * @param haltStep the first step at which the model's halting rule fires (TRM: the halt probability reaches the
     *                 threshold; HRM: q_halt > q_continue); 0 when it never does
     */
    public record Puzzle(
            int row,
            String bucket,
            int difficulty,
            int givens,
            int[] input,
            int[] target,
            int haltStep,
            List<Step> steps) {}

    /**
     * @param answer       predicted token per cell after this step
     * @param halt         sigmoid(q_halt)
     * @param latent       16 bars: mean |z| per channel group (the trace's summary of z; HRM: of z_L)
     * @param latentChange ‖z_k − z_{k−1}‖ (HRM: of z_L)
     */
    public record Step(int[] answer, float halt, float[] latent, float latentChange) {}

    /**
     * Picks {@code count} puzzles among the first {@code candidates} test rows, alternately the easiest-bucket and the
     * hardest-bucket ones in row order (medium stands in when a set has no hard bucket), and traces them.
     */
    public static TracedPuzzles of(
            ReasoningModel model,
            String modelName,
            PuzzleDataSet test,
            String data,
            int count,
            int candidates,
            double threshold) {
        Candidates c = Candidates.read(test, count, candidates);
        int n = c.givens().length;
        DifficultyBucket[] bucket = DifficultyBucket.of(c.difficulty(), c.givens());
        List<Integer> easy = new ArrayList<>(), hard = new ArrayList<>(), medium = new ArrayList<>();
        for (int r = 0; r < n; r++)
            (bucket[r] == DifficultyBucket.EASY ? easy : bucket[r] == DifficultyBucket.HARD ? hard : medium).add(r);
        if (hard.isEmpty()) hard = medium;
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; rows.size() < Math.min(count, n) && (i < easy.size() || i < hard.size()); i++) {
            if (i < easy.size()) rows.add(easy.get(i));
            if (i < hard.size() && rows.size() < count) rows.add(hard.get(i));
        }
        return trace(model, modelName, test, data, rows, bucket, c.givens(), threshold);
    }

    /**
     * Traces the {@code count} hardest of the first {@code candidates} test rows, hardest first: most backtracks (or
     * the longest path, as the set stores its difficulty), then fewer givens ({@link DifficultyBucket#key}), then
     * row order. The deck's viewer shows an easy 4×4; on 9×9 the interesting puzzle is the one that needs search.
     */
    public static TracedPuzzles hardest(
            ReasoningModel model,
            String modelName,
            PuzzleDataSet test,
            String data,
            int count,
            int candidates,
            double threshold) {
        Candidates c = Candidates.read(test, count, candidates);
        List<Integer> rows = hardestRows(c.difficulty(), c.givens(), count);
        return trace(
                model,
                modelName,
                test,
                data,
                rows,
                DifficultyBucket.of(c.difficulty(), c.givens()),
                c.givens(),
                threshold);
    }

    /** The stored difficulty and the givens of the first rows of a test split, the pool traced puzzles come from. */
    private record Candidates(int[] difficulty, int[] givens) {
        static Candidates read(PuzzleDataSet test, int count, int candidates) {
            int n = Math.min(candidates, test.count());
            if (count < 1 || n < 1)
                throw new IllegalArgumentException(
                        "need count >= 1 and rows to pick from; count " + count + ", rows " + n);
            int[] difficulty = new int[n], givens = new int[n];
            for (int r = 0; r < n; r++) {
                difficulty[r] = test.difficulty(r);
                givens[r] = HaltingStats.givens(test, r);
            }
            return new Candidates(difficulty, givens);
        }
    }

    /** The {@code count} rows with the highest {@link DifficultyBucket#key}, hardest first; ties keep row order. */
    static List<Integer> hardestRows(int[] difficulty, int[] givens, int count) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < difficulty.length; r++) rows.add(r);
        rows.sort((a, b) -> Long.compare(
                DifficultyBucket.key(difficulty[b], givens[b]), DifficultyBucket.key(difficulty[a], givens[a])));
        return List.copyOf(rows.subList(0, Math.min(count, rows.size())));
    }

    private static TracedPuzzles trace(
            ReasoningModel model,
            String modelName,
            PuzzleDataSet test,
            String data,
            List<Integer> rows,
            DifficultyBucket[] bucket,
            int[] givens,
            double threshold) {
        long[][] tokens = new long[rows.size()][];
        long[] ids = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            tokens[i] =
                    Arrays.stream(test.inputInts(rows.get(i))).asLongStream().toArray();
            ids[i] = test.puzzleIdentifier(rows.get(i));
        }
        RecursionTrace trace = RecursionTrace.of(model, tokens, ids);
        HaltingRule rule = HaltingRule.of(model, threshold);
        List<Puzzle> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i);
            List<Step> steps = new ArrayList<>();
            for (TraceStep s : trace.steps())
                steps.add(
                        new Step(s.prediction()[i], s.haltProbability()[i], s.latentGroups()[i], s.latentChange()[i]));
            PuzzleTrajectory t = HaltingStats.trajectory(trace, i, r, test);
            out.add(new Puzzle(
                    r,
                    bucket[r].label(),
                    test.difficulty(r),
                    givens[r],
                    test.inputInts(r),
                    test.labelInts(r),
                    t.firstHalt(rule),
                    steps));
        }
        CodeVersion v = CodeVersion.current();
        return new TracedPuzzles(
                trace.model() + " on " + test.name(),
                modelName,
                data,
                threshold,
                v.lib() + " (commit " + v.commit() + ", dirty " + v.dirty() + ")",
                side(test),
                symbols(test),
                out,
                model.latentNames());
    }

    /** One row per traced puzzle: difficulty, where it halts, when it is first right, and whether it is right at the halt. */
    public Table table() {
        IntColumn index = IntColumn.create("puzzle"),
                row = IntColumn.create("test row"),
                bt = IntColumn.create("backtracks"),
                giv = IntColumn.create("givens"),
                halt = IntColumn.create("halts at step"),
                first = IntColumn.create("first right at step");
        StringColumn bucket = StringColumn.create("bucket"), atHalt = StringColumn.create("right where it stops");
        for (int i = 0; i < puzzles.size(); i++) {
            Puzzle p = puzzles.get(i);
            int n = p.steps().size(), stop = p.haltStep() > 0 ? p.haltStep() : n, firstRight = 0;
            for (int k = n; k >= 1; k--) if (Arrays.equals(p.steps().get(k - 1).answer(), p.target())) firstRight = k;
            index.append(i + 1);
            row.append(p.row());
            bucket.append(p.bucket());
            bt.append(p.difficulty());
            giv.append(p.givens());
            halt.append(stop);
            first.append(firstRight);
            atHalt.append((Arrays.equals(p.steps().get(stop - 1).answer(), p.target()) ? "yes" : "no")
                    + (p.haltStep() == 0 ? " (never reached the threshold; cap " + n + ")" : ""));
        }
        return Table.create("Traced puzzles · " + model, index, row, bucket, bt, giv, halt, first, atHalt);
    }

    /** The grid side the viewer draws: the puzzle's, or for ARC the canvas's (ARC sets record side 0). */
    static int side(PuzzleDataSet set) {
        if (set.side() > 0) return set.side();
        int side = (int) Math.round(Math.sqrt(set.seqLen()));
        if (side * side != set.seqLen())
            throw new IllegalArgumentException(set.name() + ": " + set.seqLen() + " cells are not a square grid");
        return side;
    }

    /**
     * Sudoku: pad and blank empty, digit d drawn as d. Maze: wall, open, start, goal, path. ARC: pad empty, the EOS
     * marks as "·", colour c as c. Others: the token id.
     */
    static List<String> symbols(PuzzleDataSet set) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < set.vocab(); t++) {
            if (set.kind() == PuzzleKind.SUDOKU) out.add(t <= 1 ? "" : String.valueOf(t - 1));
            else if (set.kind() == PuzzleKind.MAZE)
                out.add(
                        switch (t) {
                            case Maze.WALL -> "█";
                            case Maze.START -> "S";
                            case Maze.GOAL -> "G";
                            case Maze.PATH -> "•";
                            default -> "";
                        });
            else if (set.kind() == PuzzleKind.ARC) out.add(t == 0 ? "" : t == 1 ? "·" : String.valueOf(t - 2));
            else out.add(t == 0 ? "" : String.valueOf(t));
        }
        return out;
    }
}
