package org.looplab.tool;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.looplab.Profile;
import org.looplab.analysis.StudiedModel;
import org.looplab.analysis.TracedPuzzles;
import org.looplab.viz.TraceViewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code looplab trace --checkpoint DIR --out FILE.html}: the interactive trace viewer on a model's real traces. */
@Command(
        name = "trace",
        description =
                "Trace easy and hard test puzzles through a checkpoint and write the interactive viewer (one self-contained .html).")
final class TraceCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "checkpoint folder")
    Path checkpoint;

    @Option(names = "--out", required = true, description = "the .html file to write")
    Path out;

    @Option(
            names = "--count",
            defaultValue = "6",
            description = "puzzles, alternately easy and hard (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--data", description = "test set name (default: the named set matching the model's task)")
    String data;

    @Option(
            names = "--threshold",
            defaultValue = "0.5",
            description = "halt threshold marked in the viewer (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(
            names = "--data-root",
            defaultValue = "data",
            description = "where data sets live, built by looplab data build (default ${DEFAULT-VALUE})")
    Path dataRoot;

    @Override
    public Integer call() {
        try (StudiedModel m = StudiedModel.load(checkpoint, data, Profile.fromEnv(), dataRoot)) {
            TracedPuzzles t = m.traces(count, 1000, threshold);
            TraceViewer.write(t, out);
            System.out.println("wrote " + out + " (" + t.puzzles().size() + " puzzles, "
                    + t.puzzles().get(0).steps().size() + " steps each, " + m.description() + ")");
        }
        return 0;
    }
}
