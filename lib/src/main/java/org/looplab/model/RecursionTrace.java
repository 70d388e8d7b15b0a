package org.looplab.model;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A forward pass watched step by step: for every supervision step k = 1..N_sup, the predicted grid, the halt
 * probability and a summary of the latents. Evaluation-style: all N_sup steps run (no early halt, as the TRM code
 * evaluates: trm.py L278),
 * nothing records a graph (NoGrad, so it is safe on any thread), and each step's intermediates are closed with it.
 *
 * @param inputs  token ids {@code [batch][cells]}
 * @param steps   one entry per supervision step, in order
 * @param halting per puzzle, what the halt head said at every step (q_halt and q_continue too, for HRM's rule)
 */
public record RecursionTrace(String model, long[][] inputs, List<TraceStep> steps, List<HaltSignals> halting) {

    /** Channel slices summarised per step: 16 bars. */
    public static final int LATENT_GROUPS = 16;

    /** A trace known only by its steps (hand-made ones): the halt head's logits are derived from its probabilities. */
    public RecursionTrace(String model, long[][] inputs, List<TraceStep> steps) {
        this(model, inputs, steps, haltingOf(steps, inputs.length));
    }

    private static List<HaltSignals> haltingOf(List<TraceStep> steps, int puzzles) {
        List<HaltSignals> out = new ArrayList<>(puzzles);
        for (int i = 0; i < puzzles; i++) {
            float[] p = new float[steps.size()];
            for (int k = 0; k < p.length; k++) p[k] = steps.get(k).haltProbability()[i];
            out.add(HaltSignals.ofProbabilities(p));
        }
        return out;
    }

    /** Traces {@code tokens} (each row {@code gridCells} ids) with puzzle id 0. */
    public static RecursionTrace of(ReasoningModel model, long[][] tokens) {
        return of(model, tokens, new long[tokens.length]);
    }

    /** Traces a batch given as arrays: {@code tokens [B, cells]} and {@code puzzleIds [B]}, any integer type. */
    public static RecursionTrace of(ReasoningModel model, NDArray tokens, NDArray puzzleIds) {
        int b = (int) tokens.getShape().get(0), cells = (int) tokens.getShape().get(1);
        long[] flat = tokens.toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
        long[][] rows = new long[b][cells];
        for (int i = 0; i < b; i++) System.arraycopy(flat, i * cells, rows[i], 0, cells);
        return of(
                model,
                rows,
                puzzleIds.toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray());
    }

    public static RecursionTrace of(ReasoningModel model, long[][] tokens, long[] puzzleIds) {
        check(model.task(), tokens, puzzleIds);
        int steps = model.config().supervisionSteps();
        List<float[][]> bars = new ArrayList<>(steps);
        List<float[]> dz = new ArrayList<>(steps), dy = new ArrayList<>(steps);
        PuzzleRun[] runs = BatchInference.run(
                model,
                tokens,
                puzzleIds,
                Collections.nCopies(tokens.length, new HaltingRule.FixedSteps(steps)),
                filled(tokens.length, steps),
                BatchInference.Keep.EVERY_STEP,
                (k, rows, before, after) -> {
                    NDArray z = after.reasoning();
                    long b = z.getShape().get(0), d = z.getShape().get(2);
                    int groups = d % LATENT_GROUPS == 0 ? LATENT_GROUPS : (int) d;
                    // [B, groups]: mean |z| over positions, then over each channel slice
                    bars.add(toRows(
                            floats(z.abs()
                                    .mean(new int[] {1})
                                    .reshape(b, groups, d / groups)
                                    .mean(new int[] {2})),
                            (int) b));
                    dz.add(floats(change(before.reasoning(), z)));
                    dy.add(floats(change(before.answer(), after.answer())));
                });
        List<TraceStep> out = new ArrayList<>(steps);
        for (int k = 1; k <= steps; k++) {
            int[][] grid = new int[runs.length][];
            float[] halt = new float[runs.length];
            for (int i = 0; i < runs.length; i++) {
                grid[i] = Arrays.stream(runs[i].answerAt(k))
                        .mapToInt(t -> (int) t)
                        .toArray();
                halt[i] = runs[i].signals().probability()[k - 1];
            }
            out.add(new TraceStep(k, grid, halt, bars.get(k - 1), dz.get(k - 1), dy.get(k - 1)));
        }
        return new RecursionTrace(
                model.getClass().getSimpleName(),
                tokens,
                out,
                Arrays.stream(runs).map(PuzzleRun::signals).toList());
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static NDArray change(NDArray from, NDArray to) { // [B]
        return to.sub(from).square().sum(new int[] {1, 2}).sqrt();
    }

    private static float[] floats(NDArray a) {
        return a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    }

    private static float[][] toRows(float[] flat, int rows) {
        int cols = flat.length / rows;
        float[][] out = new float[rows][cols];
        for (int i = 0; i < flat.length; i++) out[i / cols][i % cols] = flat[i];
        return out;
    }

    private static void check(TaskShape task, long[][] tokens, long[] puzzleIds) {
        if (tokens.length == 0) throw new IllegalArgumentException("tokens: empty batch");
        if (puzzleIds.length != tokens.length)
            throw new IllegalArgumentException(
                    "puzzleIds: " + puzzleIds.length + " ids for " + tokens.length + " puzzles");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length != task.gridCells())
                throw new IllegalArgumentException(
                        "tokens[" + i + "]: " + tokens[i].length + " cells, task has " + task.gridCells());
            for (int c = 0; c < tokens[i].length; c++)
                if (tokens[i][c] < 0 || tokens[i][c] >= task.vocabSize())
                    throw new IllegalArgumentException("tokens[" + i + "][" + c + "] = " + tokens[i][c]
                            + ", outside vocab 0.." + (task.vocabSize() - 1));
            if (puzzleIds[i] < 0 || puzzleIds[i] >= task.puzzleIdentifiers())
                throw new IllegalArgumentException(
                        "puzzleIds[" + i + "] = " + puzzleIds[i] + ", table has " + task.puzzleIdentifiers());
        }
    }

    /**
     * Per step for one puzzle: halt probability, latent and answer change, and cells that changed since the last step.
     */
    public Table table(int sample) {
        IntColumn step = IntColumn.create("step");
        DoubleColumn halt = DoubleColumn.create("halt probability");
        DoubleColumn dz = DoubleColumn.create("|Δz|");
        DoubleColumn dy = DoubleColumn.create("|Δy|");
        IntColumn changed = IntColumn.create("cells changed");
        int[] previous = null;
        for (TraceStep s : steps) {
            int[] grid = s.prediction()[sample];
            step.append(s.step());
            halt.append(s.haltProbability()[sample]);
            dz.append(s.latentChange()[sample]);
            dy.append(s.answerChange()[sample]);
            int n = 0;
            if (previous != null) for (int c = 0; c < grid.length; c++) if (grid[c] != previous[c]) n++;
            changed.append(previous == null ? grid.length : n);
            previous = grid;
        }
        return Table.create(model + " trace, puzzle " + sample, step, halt, dz, dy, changed);
    }
}
