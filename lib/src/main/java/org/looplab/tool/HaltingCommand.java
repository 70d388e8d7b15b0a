package org.looplab.tool;

import org.looplab.Profile;
import org.looplab.analysis.HaltingStats;
import org.looplab.analysis.StudiedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code looplab halting --checkpoint DIR}: when the halt head stops, by difficulty, and what that saves. */
@Command(name = "halting", description = "Measure adaptive halting of a checkpoint on its test set and print the tables.")
final class HaltingCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "checkpoint folder (config.json, params.safetensors)")
    Path checkpoint;

    @Option(names = "--data", description = "test set name (default: the named set matching the model's task)")
    String data;

    @Option(names = "--threshold", defaultValue = "0.5", description = "halt when sigmoid(q_halt) reaches this (default ${DEFAULT-VALUE}, the code's q_halt_logit > 0)")
    double threshold;

    @Option(names = "--limit", defaultValue = "1000", description = "first N test puzzles (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--data-root", defaultValue = "data", description = "where data sets live, built by looplab data build (default ${DEFAULT-VALUE})")
    Path dataRoot;

    @Override
    public Integer call() {
        try (StudiedModel m = StudiedModel.load(checkpoint, data, Profile.fromEnv(), dataRoot)) {
            HaltingStats s = m.halting(limit, threshold);
            System.out.println(s.deckComparison().print());
            System.out.println();
            System.out.println(s.byDifficulty().print());
            System.out.println();
            System.out.println(s.savingsTable().print());
            System.out.println();
            System.out.println(s.accuracyByMaxSteps().print());
            System.out.println();
            System.out.println(String.format(Locale.ROOT, "halt-head calibration: ECE %.4f over %d (puzzle, step) pairs",
                    s.calibration(10).ece(), s.calibration(10).pairs()));
        }
        return 0;
    }
}
