package org.looplab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.looplab.model.Checkpoint;

/**
 * How far two checkpoints are apart, array by array: the largest absolute difference of any element. What
 * {@code looplab compare --checkpoint A --checkpoint B} prints, and how a test checks that a resumed run ends where
 * an uninterrupted one does. A run folder ({@link TrainingRun}) compares its raw weights (live/), the EMA weights
 * (model/), the AdamW moments and the streaming carry; a plain checkpoint folder compares its weights. A part only
 * one side has is NaN; arrays that differ in name or shape are an error, naming both files.
 *
 * @param weights    raw weights (the EMA weights where a side has no live/ state)
 * @param ema        EMA weights (model/), NaN if a side is a plain checkpoint
 * @param optimizer  AdamW first and second moments, NaN if a side has no live/ state
 * @param carry      the streaming carry (answer and reasoning latents), NaN if a side has none
 */
public record CheckpointDiff(double weights, double ema, double optimizer, double carry) {

    public static CheckpointDiff of(Path a, Path b) {
        try (NDManager m = Engine.getInstance().newBaseManager()) {
            Side sa = Side.of(a, m), sb = Side.of(b, m);
            double weights = maxAbs(sa.weights, sb.weights, n -> true);
            double ema = sa.ema == null || sb.ema == null ? Double.NaN : maxAbs(sa.ema, sb.ema, n -> true);
            double optimizer = sa.state == null || sb.state == null
                    ? Double.NaN
                    : maxAbs(sa.state, sb.state, n -> n.startsWith("adam_"));
            double carry = sa.state == null || sb.state == null
                    ? Double.NaN
                    : maxAbs(sa.state, sb.state, n -> n.startsWith("carry/"));
            return new CheckpointDiff(weights, ema, optimizer, carry);
        }
    }

    /** The lines the compare command prints, {@code name: value}. */
    public String lines() {
        return "max_abs_weight_diff: " + weights + "\n"
                + "max_abs_ema_weight_diff: " + ema + "\n"
                + "max_abs_optimizer_state_diff: " + optimizer + "\n"
                + "max_abs_carry_diff: " + carry + "\n";
    }

    /** The arrays of one side; {@code ema} and {@code state} are null where the folder has none. */
    private record Side(Named weights, Named ema, Named state) {
        static Side of(Path folder, NDManager m) {
            Path params = folder.resolve(Checkpoint.PARAMS_FILE);
            if (Files.isRegularFile(params)) return new Side(Named.read(params, m), null, null);
            Path model = folder.resolve(TrainingRun.MODEL).resolve(Checkpoint.PARAMS_FILE);
            Path live = folder.resolve(TrainingRun.LIVE);
            Path raw = live.resolve(TrainingRun.LIVE_WEIGHTS).resolve(Checkpoint.PARAMS_FILE);
            Path state = live.resolve(TrainingRun.LIVE_ARRAYS);
            if (!Files.isRegularFile(model))
                throw new IllegalArgumentException(folder + ": neither a checkpoint (" + Checkpoint.PARAMS_FILE
                        + ") nor a run folder (" + TrainingRun.MODEL + "/" + Checkpoint.PARAMS_FILE + ")");
            Named ema = Named.read(model, m);
            if (!Files.isRegularFile(raw)) return new Side(ema, ema, null);
            return new Side(Named.read(raw, m), ema, Files.isRegularFile(state) ? Named.read(state, m) : null);
        }
    }

    private record Named(Path file, NDList arrays) {
        static Named read(Path file, NDManager m) {
            try {
                return new Named(file, NDList.decode(m, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read", e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": cannot decode: " + e.getMessage(), e);
            }
        }
    }

    private static double maxAbs(Named a, Named b, Predicate<String> which) {
        double max = 0;
        int compared = 0;
        for (NDArray x : a.arrays()) {
            if (!which.test(x.getName())) continue;
            NDArray y = b.arrays().get(x.getName());
            if (y == null)
                throw new IllegalArgumentException(
                        b.file() + ": no array '" + x.getName() + "' (" + a.file() + " has one)");
            if (!x.getShape().equals(y.getShape()))
                throw new IllegalArgumentException("'" + x.getName() + "' has shape " + x.getShape() + " in " + a.file()
                        + " but " + y.getShape() + " in " + b.file());
            float[] u = x.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            float[] v = y.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            for (int i = 0; i < u.length; i++) max = Math.max(max, Math.abs((double) u[i] - v[i]));
            compared++;
        }
        long inB = b.arrays().stream().filter(y -> which.test(y.getName())).count();
        if (inB != compared)
            throw new IllegalArgumentException(
                    b.file() + " holds " + inB + " such arrays, " + a.file() + " " + compared);
        return compared == 0 ? Double.NaN : max;
    }
}
