package org.looplab.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.looplab.provenance.AtomicFiles;
import org.looplab.train.TrainingLineage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code looplab lineage --checkpoint DIR}: the stages a model was trained in (each a warm start from the one before,
 * {@link TrainingLineage}), and its held-out checks on one axis of steps and training hours: the curve a budget in
 * CPU-hours is read from. {@code --curve FILE} also writes the checks as a tab-separated table.
 */
@Command(
        name = "lineage",
        description = "The training stages behind a checkpoint (followed back through its warm starts) and its held-out"
                + " checks against the lineage's steps and training hours.")
final class LineageCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "the last stage: a run or checkpoint folder")
    Path checkpoint;

    @Option(
            names = "--root",
            defaultValue = ".",
            description = "where the stages' recorded source paths resolve: the folder the training commands ran in"
                    + " (default: the current one)")
    Path root;

    @Option(names = "--curve", paramLabel = "FILE", description = "also write the held-out checks here (TSV)")
    Path curve;

    @Override
    public Integer call() {
        TrainingLineage lineage = TrainingLineage.of(checkpoint, root);
        List<Path> stages = lineage.stages();
        for (int i = 0; i < stages.size(); i++) System.out.println("stage " + (i + 1) + ": " + stages.get(i));
        var joined = lineage.history();
        if (!joined.isEmpty()) {
            var last = joined.get(joined.size() - 1);
            System.out.printf(
                    Locale.ROOT, "total: %d steps, %.2f training hours%n", last.step(), last.seconds() / 3600);
        }
        String table = table(lineage.heldOutCurve());
        System.out.print(table);
        if (curve != null) AtomicFiles.writeString(curve, table);
        return 0;
    }

    static String table(List<TrainingLineage.HeldOutPoint> points) {
        StringBuilder s = new StringBuilder("stage\tdata\tstep\thours\theld_out_exact\theld_out_cell\n");
        for (TrainingLineage.HeldOutPoint p : points)
            s.append(String.format(
                    Locale.ROOT,
                    "%d\t%s\t%d\t%.3f\t%.4f\t%.4f%n",
                    p.stage(),
                    p.data(),
                    p.step(),
                    p.hours(),
                    p.exact(),
                    p.cell()));
        return s.toString();
    }
}
