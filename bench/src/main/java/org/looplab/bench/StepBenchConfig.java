package org.looplab.bench;

import org.looplab.model.Mixer;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;

/**
 * The TRM configs {@code TrainBench} times and profiles, on random valid tokens of their task's size.
 *
 * <ul>
 *   <li>{@link #BENCH}: the benchmark's fixed config, 9×9 Sudoku, hidden 128, n 6, T 3 (35 net calls' worth of matmuls a
 *       step), for the two tables against PyTorch ({@code bench/trm_step.py} builds the same model).
 *   <li>{@link #SMALL}: the size of the lab's science runs, 6×6 Sudoku (36 cells + 16 prefix), hidden 64, n 1, T 1
 *       (2 net calls a supervision step): {@code make profile PROFILE_CONFIG=small} and the memory check, whose 1,000
 *       steps take minutes at this size instead of the bench config's ~40 minutes per mixer.
 *   <li>{@link #SMALL32}: the same at hidden 32, the scaling table's row furthest behind PyTorch on one core, for
 *       {@code make profile-cpu PROFILE_CPU_CONFIG=SMALL32 BENCH_BATCH=32}.
 *   <li>{@link #LAB9}: the shipped 9×9 checkpoint's size (9×9 Sudoku, hidden 64, n 1, T 1), where the lab's 9×9
 *       CPU-hours go: {@code make profile-cpu PROFILE_CPU_CONFIG=LAB9}.
 * </ul>
 */
public enum StepBenchConfig {
    BENCH(new StepShape(9, 128, 6, 3)),
    SMALL(new StepShape(6, 64, 1, 1)),
    SMALL32(new StepShape(6, 32, 1, 1)),
    LAB9(new StepShape(9, 64, 1, 1));

    private final StepShape shape;

    StepBenchConfig(StepShape shape) {
        this.shape = shape;
    }

    public StepShape shape() {
        return shape;
    }

    public TaskShape task() {
        return shape.task();
    }

    /** The cpu profile's TRM with {@code mixer}, at this config's width, n and T (2 layers, expansion 4). */
    public TrmConfig trm(Mixer mixer) {
        return shape.trm(mixer);
    }

    /** For table headers: "6×6 Sudoku (36 cells), hidden 64, n 1, T 1". */
    public String describe() {
        return shape.describe();
    }
}
