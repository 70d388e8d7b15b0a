package org.looplab.train;

import java.nio.file.Path;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.TrmConfig;

/**
 * A training process for {@link RunFolderSafetyTest} to kill: {@code start OUT DATA} trains the test recipe from
 * scratch into OUT, {@code resume OUT DATA} continues the run in OUT; both to {@link #STEPS} steps, no evaluation.
 */
public final class RunFolderChild {
    static final long STEPS = 40;

    /** A metrics line every 2 steps and a checkpoint every 5: lines are written after checkpoints and between them. */
    static TrainConfig recipe() {
        return TrainConfig.of(Profile.SMOKE, PuzzleTask.SUDOKU4).toBuilder()
                .batchSize(8)
                .maxSteps(STEPS)
                .emaDecay(0.5f)
                .logEvery(2)
                .evalEvery(0)
                .evalPuzzles(16)
                .checkpointEvery(5)
                .build();
    }

    public static void main(String[] args) {
        Path out = Path.of(args[1]), data = Path.of(args[2]);
        try (TrainingRun run = args[0].equals("start")
                ? TrainingRun.start(TrmConfig.TINY_MLP, recipe(), PuzzleTask.SUDOKU4, Profile.SMOKE, 11, data, out)
                : TrainingRun.resume(out, data, 0, -1)) {
            run.train(TrainingListener.NONE, null, null);
        }
        System.exit(0); // DJL's engine threads would otherwise keep the JVM alive a while
    }
}
