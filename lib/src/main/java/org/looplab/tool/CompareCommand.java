package org.looplab.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.looplab.provenance.RunFolder;
import org.looplab.train.CheckpointDiff;
import org.looplab.train.RunManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code looplab compare --checkpoint A --checkpoint B}: how far two checkpoints or run folders are apart
 * ({@link CheckpointDiff}), e.g. a resumed run against an uninterrupted one; then, when both have a manifest, what
 * differs in how they were made ({@link RunManifest#diff}: config, data, code, runtime).
 */
@Command(
        name = "compare",
        description =
                "Compare two checkpoints or run folders: largest absolute difference of weights,"
                        + " EMA weights, optimiser state and carry; then what differs in their manifests (config, data, code, runtime).")
final class CompareCommand implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            required = true,
            arity = "1",
            description = "a checkpoint or run folder; give it twice")
    List<Path> checkpoints;

    @Override
    public Integer call() {
        if (checkpoints.size() != 2)
            throw new IllegalArgumentException("--checkpoint must be given exactly twice, was " + checkpoints.size());
        System.out.print(
                CheckpointDiff.of(checkpoints.get(0), checkpoints.get(1)).lines());
        RunFolder a = RunFolder.of(checkpoints.get(0)), b = RunFolder.of(checkpoints.get(1));
        RunManifest ma = RunManifest.readIfPresent(a), mb = RunManifest.readIfPresent(b);
        if (ma == null || mb == null)
            System.out.println("manifests: not compared (" + (ma == null ? a : b) + " has none)");
        else RunManifest.diff(ma, mb).lines().forEach(System.out::println);
        return 0;
    }
}
