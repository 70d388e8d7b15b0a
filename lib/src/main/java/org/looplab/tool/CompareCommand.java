package org.looplab.tool;

import org.looplab.train.CheckpointDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code looplab compare --checkpoint A --checkpoint B}: how far two checkpoints or run folders are apart
 * ({@link CheckpointDiff}), e.g. a resumed run against an uninterrupted one.
 */
@Command(name = "compare", description = "Compare two checkpoints or run folders: largest absolute difference of weights,"
        + " EMA weights, optimiser state and carry.")
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, arity = "1",
            description = "a checkpoint or run folder; give it twice")
    List<Path> checkpoints;

    @Override
    public Integer call() {
        if (checkpoints.size() != 2)
            throw new IllegalArgumentException("--checkpoint must be given exactly twice, was " + checkpoints.size());
        System.out.print(CheckpointDiff.of(checkpoints.get(0), checkpoints.get(1)).lines());
        return 0;
    }
}
