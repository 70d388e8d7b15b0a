package org.looplab.tool;

import org.looplab.provenance.CodeVersion;
import org.looplab.sweep.CellResult;
import org.looplab.sweep.Shard;
import org.looplab.sweep.SweepCell;
import org.looplab.sweep.SweepListener;
import org.looplab.sweep.SweepOutcome;
import org.looplab.sweep.SweepRunner;
import org.looplab.sweep.SweepSpec;
import org.looplab.sweep.SweepSummary;
import org.looplab.sweep.SweepTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code looplab sweep --spec FILE.json [--out DIR] [--shard I/K] [--list]}: trains every cell of a sweep that has
 * no result yet (cached by config hash), then writes {@code results.csv} and {@code results.json}.
 */
@Command(name = "sweep", description = "Run a grid of training runs × seeds, cached by config hash; tabulate held-out accuracy.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, description = "sweep spec (JSON), e.g. experiments/ablation-cpu.json")
    Path spec;

    @Option(names = "--out", description = "output folder (default data/results/<spec name>)")
    Path out;

    @Option(names = "--data-root", defaultValue = "data", description = "where data sets live (default ${DEFAULT-VALUE})")
    Path dataRoot;

    @Option(names = "--shard", defaultValue = "1/1",
            description = "I/K: run only this machine's share of the cells (default ${DEFAULT-VALUE}: all)")
    String shard;

    @Option(names = "--list", description = "list the cells and their state; train nothing")
    boolean list;

    @Override
    public Integer call() {
        SweepSpec s = SweepSpec.read(spec);
        Path folder = out != null ? out : Path.of("data", "results", s.name());
        SweepRunner runner = new SweepRunner(s, folder, dataRoot);
        Shard part = Shard.parse(shard);
        List<SweepCell> cells = s.cells();
        if (list) {
            for (int i = 0; i < cells.size(); i++)
                if (part.owns(i)) System.out.println(runner.folderOf(cells.get(i)).getFileName() + "  "
                        + String.join("+", cells.get(i).grids()) + "  " + runner.state(cells.get(i)));
            return 0;
        }
        System.out.println("sweep " + s.name() + " (" + s.profile().id() + "): " + cells.size() + " cells, shard " + shard
                + " -> " + folder);
        SweepOutcome o = runner.run(part, SweepListener.NONE, System.out);
        System.out.printf("trained: %d%nresumed: %d%ncached: %d%npending: %d%n", o.trained(), o.resumed(), o.cached(),
                o.pending());
        System.out.println(SweepSummary.of(SweepTable.of(o.results())).printAll());
        List<CellResult> older = o.madeByOtherCode(CodeVersion.current());
        if (!older.isEmpty())
            System.out.println("note: " + older.size() + " of " + o.results().size() + " results were made by other training"
                    + " code than this build (sources " + CodeVersion.current().sources() + "); columns sources and"
                    + " current_code mark them, and summary rows never mix code versions. Remove a run's folder to"
                    + " retrain it with this code.");
        System.out.println("tables: " + folder.resolve(SweepTable.CSV) + ", " + folder.resolve(SweepTable.JSON));
        return 0;
    }
}
