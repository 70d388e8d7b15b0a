package org.looplab.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.looplab.provenance.CodeVersion;
import org.looplab.sweep.CellLock;
import org.looplab.sweep.CellResult;
import org.looplab.sweep.Shard;
import org.looplab.sweep.StopRequest;
import org.looplab.sweep.SweepCell;
import org.looplab.sweep.SweepListener;
import org.looplab.sweep.SweepOutcome;
import org.looplab.sweep.SweepRunner;
import org.looplab.sweep.SweepSpec;
import org.looplab.sweep.SweepSummary;
import org.looplab.sweep.SweepTable;
import org.looplab.sweep.slurm.JavaLaunch;
import org.looplab.sweep.slurm.SlurmCommands;
import org.looplab.sweep.slurm.SlurmSubmission;
import org.looplab.sweep.slurm.SlurmSweep;
import org.looplab.sweep.slurm.SlurmTask;
import org.looplab.viz.TextTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code looplab sweep --spec FILE.json [--out DIR] [--shard I/K] [--list]}: trains every cell of a sweep that has
 * no result yet (cached by config hash), then writes {@code results.csv} and {@code results.json}. With
 * {@code --slurm} the cells go to Slurm as an array job instead; {@code --cell HASH} is what one array task runs,
 * {@code --collect} what the collect job runs, {@code --status} where every cell stands.
 */
@Command(
        name = "sweep",
        description = "Run a grid of training runs × seeds, cached by config hash; tabulate held-out accuracy.")
final class SweepCommand implements Callable<Integer> {
    /** The exit status of a cell stopped by SIGTERM after its checkpoint (128 + 15, what the JVM exits with then). */
    static final int STOPPED = 143;

    @Option(names = "--spec", required = true, description = "sweep spec (JSON), e.g. experiments/ablation-cpu.json")
    Path spec;

    @Option(names = "--out", description = "output folder (default data/results/<spec name>)")
    Path out;

    @Option(
            names = "--data-root",
            defaultValue = "data",
            description = "where data sets live (default ${DEFAULT-VALUE})")
    Path dataRoot;

    @Option(
            names = "--shard",
            defaultValue = "1/1",
            description =
                    "I/K: run only this machine's share of the cells (default ${DEFAULT-VALUE}: all); for machines without a scheduler")
    String shard;

    @Option(names = "--list", description = "list the cells and their state; train nothing")
    boolean list;

    @Option(
            names = "--slurm",
            description = "submit the cells without a result to Slurm: one array job and a collect job")
    boolean slurm;

    @Option(
            names = "--status",
            description = "cells done, running, failed (with their log's last lines) and pending on Slurm")
    boolean status;

    @Option(
            names = "--cell",
            paramLabel = "HASH",
            description = "run this one cell (its cache key, or its first 10+ hex digits); what each array task runs")
    String cell;

    @Option(names = "--collect", description = "only write results.csv and results.json from the finished cells")
    boolean collect;

    @Mixin
    SlurmArgs slurmArgs;

    @Override
    public Integer call() {
        SweepSpec s = SweepSpec.read(spec);
        Path folder = out != null ? out : Path.of("data", "results", s.name());
        int modes = (list ? 1 : 0) + (slurm ? 1 : 0) + (status ? 1 : 0) + (cell != null ? 1 : 0) + (collect ? 1 : 0);
        if (modes > 1)
            throw new IllegalArgumentException("choose one of --list, --slurm, --status, --cell and --collect");
        if (slurm) return submit(s, folder);
        if (status) {
            SlurmSweep sweep = new SlurmSweep(s, spec, folder, dataRoot, new SlurmCommands());
            System.out.print(SlurmSweep.render(s.name(), sweep.status()));
            return 0;
        }
        SweepRunner runner = new SweepRunner(s, folder, dataRoot);
        if (cell != null) return runCell(runner, runner.cell(cell));
        if (collect) {
            SweepOutcome o = runner.tabulate();
            System.out.println(
                    "collected " + o.results().size() + " finished cells, " + o.pending() + " without a result");
            System.out.println("tables: " + folder.resolve(SweepTable.CSV) + ", " + folder.resolve(SweepTable.JSON));
            return 0;
        }
        Shard part = Shard.parse(shard);
        List<SweepCell> cells = s.cells();
        if (list) {
            for (int i = 0; i < cells.size(); i++)
                if (part.owns(i))
                    System.out.println(runner.folderOf(cells.get(i)).getFileName() + "  "
                            + String.join("+", cells.get(i).grids()) + "  "
                            + runner.state(cells.get(i)).describe());
            return 0;
        }
        System.out.println("sweep " + s.name() + " (" + s.profile().id() + "): " + cells.size() + " cells, shard "
                + shard + " -> " + folder);
        // SIGTERM (kill, a closing terminal session, a scheduler) stops the cell in training with a checkpoint at its
        // next metrics line instead of losing the steps since the last one; the same command resumes it.
        StopRequest stop = StopRequest.onShutdown();
        SweepOutcome o;
        try {
            o = runner.run(part, SweepListener.NONE, stop, System.out);
        } catch (StopRequest.Stopped stopped) {
            System.out.println("stopped by SIGTERM at step " + stopped.step()
                    + ", checkpoint saved; the same command resumes there");
            System.out.flush();
            return STOPPED;
        } finally {
            stop.settled();
        }
        System.out.printf(
                "trained: %d%nresumed: %d%ncached: %d%npending: %d%n",
                o.trained(), o.resumed(), o.cached(), o.pending());
        System.out.println(TextTables.of(SweepSummary.of(SweepTable.of(o.results()))));
        List<CellResult> older = o.madeByOtherCode(CodeVersion.current());
        if (!older.isEmpty())
            System.out.println("note: " + older.size() + " of " + o.results().size()
                    + " results were made by other training"
                    + " code than this build (sources " + CodeVersion.current().sources() + "); columns sources and"
                    + " current_code mark them, and summary rows never mix code versions. Remove a run's folder to"
                    + " retrain it with this code.");
        System.out.println("tables: " + folder.resolve(SweepTable.CSV) + ", " + folder.resolve(SweepTable.JSON));
        return 0;
    }

    private int submit(SweepSpec s, Path folder) {
        SlurmSweep sweep = new SlurmSweep(s, spec, folder, dataRoot, new SlurmCommands());
        var submitted = sweep.submit(slurmArgs.toOptions(), JavaLaunch.current(LoopLabCli.class.getName()), System.out);
        if (submitted.isEmpty()) return 0;
        SlurmSubmission sub = submitted.get();
        System.out.println("sweep " + s.name() + ": " + sub.cells().size() + " cells submitted -> " + sweep.out());
        System.out.println("array job: " + sub.arrayJob() + " (" + sub.script() + ")");
        System.out.println(
                "collect job: " + sub.collectJob() + " (after the array job; writes results.csv and results.json)");
        System.out.println("watch: squeue -j " + sub.arrayJob() + "," + sub.collectJob()
                + "   or   looplab sweep --spec " + spec + (out != null ? " --out " + out : "") + " --status");
        System.out.println("logs: " + sweep.out().resolve("slurm").resolve("logs"));
        return 0;
    }

    /** One cell in this JVM; SIGTERM (time limit, scancel, preemption) stops it at the next metrics line, checkpointed. */
    private int runCell(SweepRunner runner, SweepCell c) {
        StopRequest stop = StopRequest.onShutdown();
        try {
            CellResult r = runner.runCell(
                    c,
                    CellLock.Holder.current(SlurmTask.current()),
                    SlurmTask.ended(new SlurmCommands()),
                    stop,
                    System.out);
            return r == null ? 1 : 0;
        } catch (StopRequest.Stopped stopped) {
            System.out.println(runner.folderOf(c).getFileName() + ": stopped by SIGTERM at step " + stopped.step()
                    + ", checkpoint saved; a requeued or resubmitted task resumes there");
            System.out.flush();
            return STOPPED;
        } finally {
            stop.settled();
        }
    }
}
