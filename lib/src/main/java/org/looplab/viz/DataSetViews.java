package org.looplab.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.looplab.data.Maze;
import org.looplab.data.MazeSolver;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.data.PuzzleSplits;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Summaries of data sets: a difficulty histogram per split and one statistics row per set. */
public final class DataSetViews {
    private DataSetViews() {}

    /**
     * Difficulty (Sudoku: backtracks, maze: path length) of train and test as bars. Bins are single values when
     * the range is small; otherwise doubling ranges (0, 1, 2-3, 4-7, 8-15, ...), since backtracks have a long tail.
     */
    public static CategoryChart difficultyHistogram(PuzzleSplits splits) {
        int max = Math.max(
                Arrays.stream(splits.train().difficulties()).max().orElse(0),
                Arrays.stream(splits.test().difficulties()).max().orElse(0));
        int min = Math.min(
                Arrays.stream(splits.train().difficulties()).min().orElse(0),
                Arrays.stream(splits.test().difficulties()).min().orElse(0));
        List<int[]> bins = bins(min, max);
        List<String> labels = new ArrayList<>();
        for (int[] b : bins) labels.add(b[0] == b[1] ? String.valueOf(b[0]) : b[0] + "-" + b[1]);
        boolean sudoku = splits.train().kind() == PuzzleKind.SUDOKU;
        CategoryChart chart = new CategoryChartBuilder()
                .width(640)
                .height(360)
                .title("Difficulty of " + splits.manifest().name())
                .xAxisTitle(sudoku ? "solver backtracks" : "shortest path (steps)")
                .yAxisTitle("share of split (%)")
                .build();
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setLegendVisible(true);
        for (PuzzleDataSet set : List.of(splits.train(), splits.test())) {
            List<Double> share = new ArrayList<>();
            int[] d = set.difficulties();
            for (int[] b : bins) {
                long n = Arrays.stream(d).filter(v -> v >= b[0] && v <= b[1]).count();
                share.add(100.0 * n / Math.max(1, d.length));
            }
            chart.addSeries(
                    set == splits.train() ? "train (" + set.count() + ")" : "test (" + set.count() + ")",
                    labels,
                    share);
        }
        return chart;
    }

    static List<int[]> bins(int min, int max) {
        List<int[]> bins = new ArrayList<>();
        if (max - min <= 15) {
            for (int v = min; v <= max; v++) bins.add(new int[] {v, v});
            return bins;
        }
        int lo = min;
        bins.add(new int[] {lo, lo});
        int width = 1;
        lo++;
        while (lo <= max) {
            int hi = Math.min(max, lo + width - 1);
            bins.add(new int[] {lo, hi});
            lo = hi + 1;
            width *= 2;
        }
        return bins;
    }

    /** One row per data set: counts, encoding, difficulty and the content hash that identifies it. */
    public static Table statistics(List<PuzzleSplits> sets) {
        StringColumn name = StringColumn.create("data set");
        StringColumn kind = StringColumn.create("kind");
        StringColumn profile = StringColumn.create("profile");
        IntColumn vocab = IntColumn.create("vocab");
        IntColumn seqLen = IntColumn.create("seqLen");
        IntColumn train = IntColumn.create("train");
        IntColumn test = IntColumn.create("test");
        DoubleColumn clues = DoubleColumn.create("mean givens / open cells");
        DoubleColumn mean = DoubleColumn.create("mean difficulty");
        IntColumn max = IntColumn.create("max difficulty");
        StringColumn sha = StringColumn.create("sha256");
        for (PuzzleSplits s : sets) {
            name.append(s.manifest().name());
            kind.append(s.manifest().puzzle());
            profile.append(s.manifest().profile());
            vocab.append(s.manifest().vocab());
            seqLen.append(s.manifest().seqLen());
            train.append(s.train().count());
            test.append(s.test().count());
            int[] all = concat(s.train().difficulties(), s.test().difficulties());
            mean.append(Math.round(10.0 * Arrays.stream(all).average().orElse(0)) / 10.0);
            max.append(Arrays.stream(all).max().orElse(0));
            clues.append(Math.round(10.0 * meanCount(s.train(), 2, s.train().kind() == PuzzleKind.SUDOKU)) / 10.0);
            sha.append(s.sha256().substring(0, 12));
        }
        return Table.create("Data sets", name, kind, profile, vocab, seqLen, train, test, clues, mean, max, sha);
    }

    /**
     * How many mazes of each split have more than one shortest path, and what that costs exact match: a solver that
     * always finds *a* shortest path but cannot know the label's tie-break scores at best the mean over mazes of
     * 1 / (number of shortest paths). Mazes only (a Sudoku set is an error naming it).
     */
    public static Table shortestPaths(List<PuzzleSplits> sets) {
        StringColumn name = StringColumn.create("data set"), split = StringColumn.create("split");
        IntColumn mazes = IntColumn.create("mazes"),
                tied = IntColumn.create("more than one shortest path"),
                most = IntColumn.create("most shortest paths in one maze");
        DoubleColumn share = DoubleColumn.create("tied share (%)"),
                ceiling = DoubleColumn.create("best exact of a tie-blind solver (%)");
        for (PuzzleSplits s : sets) {
            if (s.train().kind() != PuzzleKind.MAZE)
                throw new IllegalArgumentException(s.manifest().name() + " is not a maze set");
            for (PuzzleDataSet set : List.of(s.train(), s.test())) {
                int ties = 0;
                long max = 0;
                double expected = 0;
                for (int i = 0; i < set.count(); i++) {
                    long ways = MazeSolver.shortestPathCount(new Maze(set.side(), set.input(i)));
                    if (ways > 1) ties++;
                    max = Math.max(max, ways);
                    expected += 1.0 / ways;
                }
                name.append(s.manifest().name());
                split.append(set == s.train() ? "train" : "test");
                mazes.append(set.count());
                tied.append(ties);
                share.append(Math.round(1000.0 * ties / Math.max(1, set.count())) / 10.0);
                most.append((int) Math.min(Integer.MAX_VALUE, max));
                ceiling.append(Math.round(1000.0 * expected / Math.max(1, set.count())) / 10.0);
            }
        }
        return Table.create("Shortest paths per maze", name, split, mazes, tied, share, most, ceiling);
    }

    /** Sudoku: tokens >= 2 (givens); maze: open cells (token 2). */
    private static double meanCount(PuzzleDataSet set, int token, boolean atLeast) {
        long n = 0;
        for (int i = 0; i < set.count(); i++) {
            for (byte b : set.input(i)) if (atLeast ? b >= token : b == token) n++;
        }
        return (double) n / Math.max(1, set.count());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
