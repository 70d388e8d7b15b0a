package org.looplab.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.looplab.analysis.ShippedCheckpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code looplab checkpoints [--root data/checkpoints] [--markdown]}: the shipped checkpoints and what they score. */
@Command(
        name = "checkpoints",
        description = "The shipped checkpoints: model, data, steps and held-out accuracy, read from their manifests.")
final class CheckpointsCommand implements Callable<Integer> {
    @Option(
            names = "--root",
            defaultValue = "data/checkpoints",
            description = "folder of checkpoint folders (default ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--markdown", description = "print the README's Markdown table")
    boolean markdown;

    @Override
    public Integer call() {
        List<ShippedCheckpoints.Row> rows = ShippedCheckpoints.read(root);
        if (markdown) {
            System.out.print(ShippedCheckpoints.markdown(rows));
            return 0;
        }
        System.out.printf(
                Locale.ROOT,
                "%-22s %-30s %-14s %6s %7s %7s%n",
                "checkpoint",
                "model",
                "data",
                "steps",
                "exact",
                "cell");
        for (ShippedCheckpoints.Row r : rows)
            System.out.printf(
                    Locale.ROOT,
                    "%-22s %-30s %-14s %6d %6.1f%% %6.2f%%%n",
                    r.name(),
                    r.model(),
                    r.data(),
                    r.steps(),
                    100 * r.evaluation().exact(),
                    100 * r.evaluation().cell());
        return 0;
    }
}
