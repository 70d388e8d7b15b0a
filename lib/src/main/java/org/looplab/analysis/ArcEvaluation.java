package org.looplab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.looplab.data.ArcCanvas;
import org.looplab.data.ArcVersions;
import org.looplab.data.Grid;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleSplits;
import org.looplab.model.BatchInference;
import org.looplab.model.HaltingRule;
import org.looplab.model.PuzzleRun;
import org.looplab.model.ReasoningModel;

/**
 * ARC scored as the papers score it: the model answers every augmented version of each held-out test input (all
 * N_sup steps, as the reference evaluates), each answer is cropped at the canvas corner, mapped back through its
 * version's inverse augmentation, and the versions vote ({@link ArcVoting}). A test pair is solved at k when its true
 * output is among the first k candidates; a task's pass@k is the share of its test pairs solved, and the overall
 * pass@k is the mean over tasks (TRM code's ARC evaluator; the papers report pass@2).
 */
public final class ArcEvaluation {
    private ArcEvaluation() {}

    /** One held-out test pair: its truth and the ranked candidates of its versions. */
    public record PairVotes(
            String task, int pair, Grid input, Grid truth, int versions, List<ArcVoting.Candidate> ranked) {
        public boolean solvedWithin(int k) {
            return ArcVoting.solvedWithin(ranked, truth, k);
        }
    }

    /** A task's scores. */
    public record TaskScore(String task, int testPairs, int versions, double passAt1, double passAt2) {}

    /**
     * @param passAt1 mean over tasks of the share of test pairs whose top candidate is right
     * @param passAt2 the same with the top two (the papers' number)
     */
    public record Result(
            String data, int rows, double passAt1, double passAt2, List<TaskScore> tasks, List<PairVotes> pairs) {

        /** The per-task scores as a table, for notebooks. */
        public tech.tablesaw.api.Table taskTable() {
            var task = tech.tablesaw.api.StringColumn.create("task");
            var pairs = tech.tablesaw.api.IntColumn.create("test pairs");
            var versions = tech.tablesaw.api.IntColumn.create("versions voted");
            var p1 = tech.tablesaw.api.DoubleColumn.create("pass@1");
            var p2 = tech.tablesaw.api.DoubleColumn.create("pass@2");
            for (TaskScore t : tasks) {
                task.append(t.task());
                pairs.append(t.testPairs());
                versions.append(t.versions());
                p1.append(t.passAt1());
                p2.append(t.passAt2());
            }
            return tech.tablesaw.api.Table.create(
                    String.format(
                            Locale.ROOT,
                            "%s: pass@1 %.3f, pass@2 %.3f (mean over %d tasks)",
                            data,
                            passAt1,
                            passAt2,
                            tasks.size()),
                    task,
                    pairs,
                    versions,
                    p1,
                    p2);
        }

        /** The per-task table, tab-separated with a header, tasks in the set's order. */
        public String table() {
            StringBuilder b = new StringBuilder("task\ttest_pairs\tversions\tpass_at_1\tpass_at_2\n");
            for (TaskScore t : tasks)
                b.append(String.format(
                        Locale.ROOT,
                        "%s\t%d\t%d\t%.4f\t%.4f%n",
                        t.task(),
                        t.testPairs(),
                        t.versions(),
                        t.passAt1(),
                        t.passAt2()));
            return b.toString();
        }
    }

    /** Runs {@code model} (e.g. a checkpoint's EMA weights) on every test row of {@code data} and scores the votes. */
    public static Result run(ReasoningModel model, PuzzleSplits data, String trainSha256) {
        PuzzleDataSet test = data.test();
        Evaluation.refuseTrainingData(test, trainSha256);
        if (test.seqLen() != model.task().gridCells())
            throw new IllegalArgumentException(test.name() + ": " + test.seqLen()
                    + " cells per puzzle, the model takes " + model.task().gridCells());
        int n = test.count(), nSup = model.config().supervisionSteps();
        byte[][] answers = new byte[n][];
        double[] halt = new double[n];
        for (int from = 0; from < n; from += Evaluation.BATCH) {
            int[] idx =
                    IntStream.range(from, Math.min(n, from + Evaluation.BATCH)).toArray();
            long[][] tokens = new long[idx.length][];
            long[] ids = new long[idx.length];
            for (int i = 0; i < idx.length; i++) {
                int[] row = test.inputInts(idx[i]);
                tokens[i] = new long[row.length];
                for (int c = 0; c < row.length; c++) tokens[i][c] = row[c];
                ids[i] = test.puzzleIdentifier(idx[i]);
            }
            PuzzleRun[] runs = BatchInference.run(
                    model, tokens, ids, new HaltingRule.FixedSteps(nSup), BatchInference.Keep.EXIT_ANSWER);
            for (int i = 0; i < idx.length; i++) {
                long[] a = runs[i].answer();
                byte[] b = new byte[a.length];
                for (int c = 0; c < a.length; c++) b[c] = (byte) a[c];
                answers[idx[i]] = b;
                halt[idx[i]] = runs[i].haltProbability();
            }
        }
        return score(data, answers, halt);
    }

    /**
     * Scores given answers: {@code answers[row]} is the token row the model gave for test row {@code row},
     * {@code haltProbability[row]} its sigmoid(q_halt). Separate from {@link #run} so voting can be checked on
     * hand-made answers.
     */
    public static Result score(PuzzleSplits data, byte[][] answers, double[] haltProbability) {
        PuzzleDataSet test = data.test();
        int n = test.count();
        if (answers.length != n || haltProbability.length != n)
            throw new IllegalArgumentException(test.name() + ": " + n + " test rows but " + answers.length
                    + " answers and " + haltProbability.length + " halt probabilities");
        ArcVersions table = ArcVersions.of(data);
        ArcCanvas canvas = new ArcCanvas((int) Math.round(Math.sqrt(test.seqLen())));
        // (task, pair) → its truth, input and votes, in the set's order.
        Map<String, Map<Integer, List<ArcVoting.Vote>>> votes = new LinkedHashMap<>();
        Map<String, Map<Integer, Grid[]>> truths = new LinkedHashMap<>();
        for (int row = 0; row < n; row++) {
            ArcVersions.Version v = table.version(test.puzzleIdentifier(row));
            var back = v.augment().inverse();
            int pair = table.testPairs()[row];
            Grid truth = back.apply(canvas.decode(test.label(row))
                    .orElseThrow(() -> new IllegalArgumentException(test.name() + ": test row has no label grid")));
            Grid input = back.apply(canvas.decode(test.input(row)).orElseThrow());
            Grid[] known = truths.computeIfAbsent(v.task(), t -> new LinkedHashMap<>())
                    .putIfAbsent(pair, new Grid[] {input, truth});
            if (known != null && !known[1].equals(truth))
                throw new IllegalStateException(test.name() + ": versions of " + v.task() + " test pair " + pair
                        + " map back to different outputs; the version table does not match the set");
            Optional<Grid> answer = canvas.decode(answers[row]).map(back::apply);
            votes.computeIfAbsent(v.task(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(pair, p -> new ArrayList<>())
                    .add(new ArcVoting.Vote(answer, haltProbability[row]));
        }
        List<TaskScore> tasks = new ArrayList<>();
        List<PairVotes> pairs = new ArrayList<>();
        double sum1 = 0, sum2 = 0;
        for (var task : votes.entrySet()) {
            int solved1 = 0, solved2 = 0, versions = 0;
            for (var pair : task.getValue().entrySet()) {
                Grid[] t = truths.get(task.getKey()).get(pair.getKey());
                PairVotes pv = new PairVotes(
                        task.getKey(),
                        pair.getKey(),
                        t[0],
                        t[1],
                        pair.getValue().size(),
                        ArcVoting.rank(pair.getValue()));
                pairs.add(pv);
                if (pv.solvedWithin(1)) solved1++;
                if (pv.solvedWithin(2)) solved2++;
                versions = Math.max(versions, pv.versions());
            }
            int count = task.getValue().size();
            TaskScore s =
                    new TaskScore(task.getKey(), count, versions, (double) solved1 / count, (double) solved2 / count);
            tasks.add(s);
            sum1 += s.passAt1();
            sum2 += s.passAt2();
        }
        if (tasks.isEmpty()) throw new IllegalArgumentException(test.name() + ": no held-out test pairs");
        return new Result(test.name(), n, sum1 / tasks.size(), sum2 / tasks.size(), tasks, pairs);
    }
}
