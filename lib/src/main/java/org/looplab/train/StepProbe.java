package org.looplab.train;

import java.util.List;
import java.util.Random;
import org.looplab.Profile;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Mixer;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.Seeds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Times the lab's real training step (the {@link DeepSupervisionTrainer} step of a TRM, on random valid-vocabulary
 * Sudoku rows) at a given size, and counts its matmul FLOPs, so a machine's step time can sit beside its matmul
 * ceiling ({@link MatmulProbe}): a step far below the ceiling is losing time outside its matmuls. {@code make bench}
 * and {@code make bench-scaling} time the same step against PyTorch; this is the in-notebook view of one machine.
 */
public final class StepProbe {
    private StepProbe() {}

    /**
     * One size to time.
     *
     * @param label what trains at it ("9×9 checkpoint's recipe")
     * @param side  Sudoku side (4, 6 or 9)
     * @param model the TRM, its width, mixer, n and T
     * @param batch puzzles a step
     */
    public record Size(String label, int side, TrmConfig model, int batch) {
        public TaskShape task() {
            return TaskShape.sudoku(side);
        }

        /** Positions the net sees: the puzzle-id prefix and the grid. */
        public int sequenceLength() {
            return task().sequenceLength(model.prefixLength());
        }
    }

    /** One timed size: the median of the measured steps and the matmul work of one step. */
    public record Result(Size size, long parameters, int steps, double medianMs, double matmulFlops) {
        public double gflops() {
            return matmulFlops / (medianMs * 1e6);
        }
    }

    /**
     * The sizes the lab trains at: the shipped 9×9 checkpoint's (TRM-MLP, hidden 64, n 1, T 1, batch 64) and the 6×6
     * science runs' (hidden 64, n 1, T 1, batch 32). The smoke profile times a 4×4 model of hidden 32 instead, so a
     * test runs in seconds.
     */
    public static List<Size> labSizes(Profile profile) {
        TrmConfig mlp = TrmConfig.SMALL_MLP.withRecursion(1, 1);
        if (profile == Profile.SMOKE)
            return List.of(new Size("4×4, hidden 32 (smoke)", 4, mlp.withSize(32, mlp.heads()), 8));
        return List.of(
                new Size("9×9 checkpoint's recipe", 9, mlp.withSize(64, mlp.heads()), 64),
                new Size("6×6 science runs", 6, mlp.withSize(64, mlp.heads()), 32));
    }

    /** Runs {@code warmup + steps} training steps of {@code size} in this process; the median of the last {@code steps}. */
    public static Result measure(Size size, int warmup, int steps) {
        if (warmup < 0 || steps < 1)
            throw new IllegalArgumentException("need warmup >= 0 and steps >= 1, were " + warmup + ", " + steps);
        return measure(size, TimingPlan.steps(warmup, steps));
    }

    /**
     * Trains {@code size} in this process on {@code plan} (a {@link TimingPlan} with seconds times the steady state,
     * not the JIT's first seconds); the median of the measured steps.
     */
    public static Result measure(Size size, TimingPlan plan) {
        PuzzleDataSet data = randomPuzzles(256, size.task());
        int scheduled = plan.warmupSteps() + plan.steps() + 2 * TimingPlan.MAX_TIMED_STEPS;
        try (ReasoningModel model = size.model().build(TrainingRun.taskOf(data), 0);
                DeepSupervisionTrainer trainer = trainer(model, data, size.batch(), scheduled)) {
            TimingPlan.Timed t = plan.run(() -> trainer.step().loss(), done -> {});
            return new Result(
                    size,
                    model.parameterCount(),
                    t.ms().length,
                    t.medianMs(),
                    matmulFlops(size.model(), size.batch(), size.sequenceLength()));
        }
    }

    /** One row per result: ms a step, the step's matmul rate and its share of {@code ceilingGflops}. */
    public static Table table(List<Result> results, double ceilingGflops) {
        StringColumn label = StringColumn.create("size");
        StringColumn model = StringColumn.create("model");
        IntColumn batch = IntColumn.create("batch");
        DoubleColumn ms = DoubleColumn.create("ms per step");
        DoubleColumn gflop = DoubleColumn.create("matmul GFLOP per step");
        DoubleColumn rate = DoubleColumn.create("GFLOP/s");
        DoubleColumn share = DoubleColumn.create("% of matmul ceiling");
        for (Result r : results) {
            TrmConfig c = r.size().model();
            label.append(r.size().label());
            model.append(String.format(
                    java.util.Locale.ROOT,
                    "TRM-%s, hidden %d, n %d, T %d (%,d params)",
                    c.mixer() == Mixer.MLP ? "MLP" : "Att",
                    c.hiddenSize(),
                    c.latentSteps(),
                    c.recursions(),
                    r.parameters()));
            batch.append(r.size().batch());
            ms.append(Math.round(r.medianMs() * 10) / 10.0);
            gflop.append(Math.round(r.matmulFlops() / 1e9 * 100) / 100.0);
            rate.append(Math.round(r.gflops() * 10) / 10.0);
            share.append(Math.round(100 * r.gflops() / ceilingGflops));
        }
        return Table.create("Training step at the lab's sizes", label, model, batch, ms, gflop, rate, share);
    }

    /**
     * Matmul FLOPs of one supervision step: T(n+1) forward net calls, and 2× that for the n+1 back-propagated.
     * The heads and the elementwise work are left out, so the rate it gives is a lower bound.
     */
    public static double matmulFlops(TrmConfig c, int batch, int seq) {
        long d = c.hiddenSize();
        long inner = (Math.round(c.expansion() * d * 2 / 3.0) + 255) / 256 * 256;
        double channel = 2.0 * batch * seq * (d * 2 * inner + inner * d);
        double mixer;
        if (c.mixer() == Mixer.MLP) {
            long si = (Math.round(c.expansion() * seq * 2 / 3.0) + 255) / 256 * 256;
            mixer = 2.0 * batch * d * (seq * 2 * si + si * seq);
        } else {
            mixer = 2.0 * batch * seq * 4 * d * d + 2.0 * 2 * batch * seq * seq * d;
        }
        double call = c.layers() * (channel + mixer);
        return call * (c.recursions() * (c.latentSteps() + 1) + 2 * (c.latentSteps() + 1));
    }

    /** Valid-vocabulary tokens: labels are digits, a third of the inputs show theirs, the rest are blank. */
    public static PuzzleDataSet randomPuzzles(int count, TaskShape task) {
        Random r = Seeds.random(0, "bench tokens");
        int cells = task.gridCells();
        byte[] in = new byte[count * cells], out = new byte[count * cells];
        for (int i = 0; i < in.length; i++) {
            out[i] = (byte) (2 + r.nextInt(task.vocabSize() - 2));
            in[i] = r.nextInt(3) == 0 ? out[i] : 1;
        }
        int side = (int) Math.round(Math.sqrt(cells));
        return new PuzzleDataSet(
                "bench", PuzzleKind.SUDOKU, side, task.vocabSize(), cells, in, out, new int[count], new int[count]);
    }

    /** The cpu recipe's trainer at {@code batch}, without augmentation (the rows are random anyway). */
    public static DeepSupervisionTrainer trainer(ReasoningModel model, PuzzleDataSet data, int batch, int total) {
        TrainConfig tc = TrainConfig.of(Profile.CPU, PuzzleTask.SUDOKU9_HARD).toBuilder()
                .batchSize(batch)
                .maxSteps(total)
                .augment(false)
                .build();
        return new DeepSupervisionTrainer(model, data, tc, 0);
    }
}
