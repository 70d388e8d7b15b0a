package org.looplab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.looplab.serve.SolverCheckpoints;
import org.looplab.viz.TextTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -cp 'lib/target/notebook-classpath/*:bench/target/looplab-bench.jar' org.looplab.bench.SolverBench}: puzzles per second and p50/p99
 * latency of the solver service for 4×4 and 6×6 ({@code make bench}), then puzzles per second at a fixed N_sup beside
 * adaptive halting ({@link HaltingSpeed}). Without {@code --checkpoint} it uses the shipped
 * {@code data/checkpoints/trm-mlp-sudoku4} and {@code -sudoku6} (and for the halting table also {@code trm-att-sudoku4}
 * and {@code hrm-sudoku4}), or untrained tiny stand-ins when those are absent (the checkpoint column says which).
 */
@Command(
        name = "SolverBench",
        mixinStandardHelpOptions = true,
        description = "Speed of the tiny solver service (4x4 and 6x6 Sudoku).")
public final class SolverBench implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            paramLabel = "DIR",
            description = "checkpoint folders (default: shipped or stand-ins)")
    List<Path> checkpoints = new ArrayList<>();

    @Option(
            names = "--data",
            defaultValue = "data",
            description = "where shipped checkpoints live (default ${DEFAULT-VALUE})")
    Path data;

    @Option(
            names = "--puzzles",
            defaultValue = "256",
            description =
                    "puzzles sent at once per size; 0 (with --sequential 0) skips the service table (default ${DEFAULT-VALUE})")
    int concurrent;

    @Option(
            names = "--sequential",
            defaultValue = "32",
            description = "puzzles sent one at a time (default ${DEFAULT-VALUE})")
    int sequential;

    @Option(
            names = "--halting-puzzles",
            defaultValue = "256",
            description =
                    "puzzles per model for fixed N_sup against adaptive halting; 0 skips it (default ${DEFAULT-VALUE})")
    int haltingPuzzles;

    @Option(
            names = "--halting-batch",
            defaultValue = "64",
            description = "batch for that comparison (default ${DEFAULT-VALUE}, the service's largest)")
    int haltingBatch;

    @Option(
            names = "--repeats",
            defaultValue = "3",
            description = "timed passes of each, the best counts (default ${DEFAULT-VALUE})")
    int repeats;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SolverBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Path> ckpts = new ArrayList<>(checkpoints), halting = new ArrayList<>(checkpoints);
        if (ckpts.isEmpty()) {
            Path scratch = Files.createTempDirectory("looplab-bench");
            for (String name : List.of("trm-mlp-sudoku4", "trm-mlp-sudoku6", "trm-att-sudoku4", "hrm-sudoku4")) {
                Path folder = SolverCheckpoints.shippedOrUntrained(name, data, scratch)
                        .folder();
                if (name.startsWith("trm-mlp")) ckpts.add(folder); // the service takes one model per size
                halting.add(folder);
            }
        }
        if (concurrent > 0 && sequential > 0)
            System.out.println(
                    TextTables.of(SolverBenchmark.table(SolverBenchmark.run(ckpts, concurrent, sequential, 1))));
        if (haltingPuzzles > 0) {
            System.out.println(TextTables.of(
                    HaltingSpeed.table(HaltingSpeed.run(halting, haltingPuzzles, haltingBatch, repeats, 1))));
        }
        return 0;
    }
}
