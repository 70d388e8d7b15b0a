package org.looplab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Measures float32 matrix-multiply throughput on the engine's default device. It is the ceiling a training step
 * is compared against: a step whose FLOP rate is far below it is losing time outside the matmuls.
 */
public final class MatmulProbe {
    private MatmulProbe() {}

    /** One measured size: square n×n by n×n, best of the repeats. */
    public record Result(int n, double millis, double gflops) {}

    /** Best-of-{@code repeats} time for each size, after three warm-up multiplies per size. */
    public static List<Result> measure(int[] sizes, int repeats) {
        List<Result> results = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int n : sizes) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray a = scope.randomUniform(-1f, 1f, new Shape(n, n), DataType.FLOAT32);
                    NDArray b = scope.randomUniform(-1f, 1f, new Shape(n, n), DataType.FLOAT32);
                    // Warm-up: the first calls of a shape pay for kernel selection, thread start-up and page faults.
                    for (int w = 0; w < 3; w++) a.matMul(b).close();
                    long best = Long.MAX_VALUE;
                    for (int r = 0; r < repeats; r++) {
                        long t0 = System.nanoTime();
                        NDArray c = a.matMul(b);
                        c.getFloat(0, 0); // forces completion on asynchronous devices (CUDA)
                        best = Math.min(best, System.nanoTime() - t0);
                        c.close();
                    }
                    double seconds = best / 1e9;
                    results.add(new Result(n, seconds * 1e3, 2.0 * n * n * (double) n / seconds / 1e9));
                }
            }
        }
        return results;
    }

    public static double bestGflops(List<Result> results) {
        return results.stream().mapToDouble(Result::gflops).max().orElse(0);
    }

    public static Table table(List<Result> results) {
        return Table.create(
                "float32 matmul throughput",
                IntColumn.create("n", results.stream().mapToInt(Result::n).toArray()),
                DoubleColumn.create(
                        "ms",
                        results.stream()
                                .mapToDouble(r -> Math.round(r.millis() * 100) / 100.0)
                                .toArray()),
                DoubleColumn.create(
                        "GFLOP/s",
                        results.stream()
                                .mapToDouble(r -> Math.round(r.gflops() * 10) / 10.0)
                                .toArray()));
    }
}
