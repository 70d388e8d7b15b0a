package org.looplab.sweep.slurm;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.Json;
import org.looplab.sweep.CellLock;
import org.looplab.sweep.CellResult;
import org.looplab.sweep.SweepCell;
import org.looplab.sweep.SweepRunner;
import org.looplab.sweep.SweepSpec;
import org.looplab.train.TrainingRun;

/**
 * A sweep handed to Slurm. The cache is the coordination: cells live in their config-hash folders under the output
 * folder on a shared file system, a cell with a result is never submitted again, and a cell whose task died resumes
 * from its checkpoint when its task is requeued or the sweep is submitted again. {@link #submit} queues one array
 * job (one task per cell that has no result and is not queued or running) and one collect job after it
 * ({@code afterany}); {@link #status} says where every cell stands.
 */
public final class SlurmSweep {
    /** Lines of a failed task's log that {@code --status} shows. */
    public static final int LOG_LINES = 5;

    private final SweepSpec spec;
    private final Path specFile;
    private final Path out;
    private final Path dataRoot;
    private final SweepRunner runner;
    private final SlurmClient slurm;

    public SlurmSweep(SweepSpec spec, Path specFile, Path out, Path dataRoot, SlurmClient slurm) {
        this.spec = spec;
        this.specFile = specFile.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
        this.runner = new SweepRunner(spec, this.out, this.dataRoot);
        this.slurm = slurm;
    }

    /**
     * Queues the cells that need a task, or nothing (empty) if every cell is done, queued or running. Data sets are
     * built here, before any task starts, since every cell's cache key holds its data set's hash.
     */
    public Optional<SlurmSubmission> submit(SlurmOptions options, JavaLaunch launch, PrintStream log) {
        List<CellStatus> now = status();
        List<SweepCell> cells = spec.cells();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            CellStatus s = now.get(i);
            if (s.state() == CellStatus.State.FAILED || (s.state() == CellStatus.State.PENDING && s.job() == null))
                hashes.add(runner.hashOf(cells.get(i)));
        }
        if (hashes.isEmpty()) {
            log.println("nothing to submit: " + summary(now));
            return Optional.empty();
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());
        Path folder = out.resolve("slurm");
        Path arrayScript = folder.resolve("array-" + stamp + ".sh"),
                collectScript = folder.resolve("collect-" + stamp + ".sh");
        BatchScripts scripts = new BatchScripts(launch, specFile, out, dataRoot);
        try {
            Files.createDirectories(BatchScripts.logs(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + BatchScripts.logs(out), e);
        }
        AtomicFiles.writeString(out.resolve("spec.json"), Json.write(spec));
        AtomicFiles.writeString(arrayScript, scripts.array(spec.name(), hashes, options));
        AtomicFiles.writeString(collectScript, scripts.collect(spec.name(), options));
        String arrayJob = slurm.submit(arrayScript, options.sbatchArgs());
        List<String> collectArgs = new ArrayList<>(options.sbatchArgs());
        collectArgs.add("--dependency=afterany:" + arrayJob);
        String collectJob = slurm.submit(collectScript, collectArgs);
        SlurmSubmission s =
                new SlurmSubmission(arrayJob, collectJob, Instant.now().toString(), arrayScript.toString(), hashes);
        AtomicFiles.writeString(folder.resolve("submission-" + arrayJob + ".json"), Json.write(s));
        return Optional.of(s);
    }

    /** Every cell's state, in spec order, from the run folders, their locks, the submissions and the queue. */
    public List<CellStatus> status() {
        List<SlurmSubmission> submissions = submissions();
        Supplier<Map<String, String>> queue = new Supplier<>() { // asked once, and only if some cell needs it
                    Map<String, String> known;

                    @Override
                    public Map<String, String> get() {
                        if (known == null) known = slurm.queue();
                        return known;
                    }
                };
        List<CellStatus> out = new ArrayList<>();
        for (SweepCell cell : spec.cells()) out.add(statusOf(cell, submissions, queue));
        return out;
    }

    private CellStatus statusOf(
            SweepCell cell, List<SlurmSubmission> submissions, Supplier<Map<String, String>> queue) {
        Path folder = runner.folderOf(cell);
        String name = folder.getFileName().toString();
        CellResult r = runner.finished(cell);
        if (r != null)
            return new CellStatus(
                    name,
                    CellStatus.State.DONE,
                    null,
                    String.format(
                            Locale.ROOT,
                            "held-out exact %.3f, cell %.3f, %d steps%s",
                            r.exactAccuracy(),
                            r.cellAccuracy(),
                            r.steps(),
                            r.resumes() > 0 ? ", resumed " + r.resumes() + "x" : ""),
                    List.of());
        String hash = runner.hashOf(cell);
        String task = null;
        for (SlurmSubmission s : submissions) if (s.taskOf(hash) != null) task = s.taskOf(hash); // the latest wins
        String checkpoint = Files.exists(folder.resolve(TrainingRun.MANIFEST))
                ? "checkpoint at step " + TrainingRun.readManifest(folder).steps()
                : "no checkpoint";
        CellLock.Holder holder = CellLock.holderOf(CellLock.fileOf(folder));
        String taskState = task == null ? null : queue.get().get(task);
        // A local process's lock says it runs (a dead one's is taken over by the next run); a job's, if Slurm agrees.
        if (holder != null
                && (!holder.scheduled() || SlurmClient.active(queue.get().getOrDefault(holder.job(), "GONE"))))
            return new CellStatus(name, CellStatus.State.RUNNING, holder.job(), checkpoint + ", " + holder, List.of());
        if (task == null)
            return new CellStatus(name, CellStatus.State.PENDING, null, "not submitted, " + checkpoint, List.of());
        if ("RUNNING".equals(taskState) || "COMPLETING".equals(taskState))
            return new CellStatus(name, CellStatus.State.RUNNING, task, checkpoint + ", starting", List.of());
        if (taskState != null && SlurmClient.active(taskState))
            return new CellStatus(
                    name, CellStatus.State.PENDING, task, "queued (" + taskState + "), " + checkpoint, List.of());
        return new CellStatus(
                name,
                CellStatus.State.FAILED,
                task,
                (taskState == null ? "ended" : taskState) + " without a result, " + checkpoint + "; log "
                        + BatchScripts.logOf(out, task),
                tail(BatchScripts.logOf(out, task)));
    }

    /** The submissions made into this output folder, oldest first. */
    public List<SlurmSubmission> submissions() {
        Path folder = out.resolve("slurm");
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("submission-[0-9]+\\.json"))
                    .map(p -> Json.read(p, SlurmSubmission.class))
                    .sorted(Comparator.comparingLong(s -> Long.parseLong(s.arrayJob())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** "5 done, 1 running, 1 failed, 1 pending". */
    public static String summary(List<CellStatus> cells) {
        StringBuilder b = new StringBuilder();
        for (CellStatus.State s : CellStatus.State.values()) {
            if (b.length() > 0) b.append(", ");
            b.append(cells.stream().filter(c -> c.state() == s).count())
                    .append(' ')
                    .append(s.name().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /** The status as text: the summary, then one line per cell (and its log's tail if it failed). */
    public static String render(String sweepName, List<CellStatus> cells) {
        StringBuilder b =
                new StringBuilder("sweep " + sweepName + ": " + cells.size() + " cells: " + summary(cells) + "\n");
        for (CellStatus c : cells) {
            b.append(String.format(
                    Locale.ROOT,
                    "%-8s %s  %s%s%n",
                    c.state().name().toLowerCase(Locale.ROOT),
                    c.folder(),
                    c.job() == null ? "" : "job " + c.job() + ": ",
                    c.detail()));
            for (String line : c.logTail())
                b.append("           | ").append(line).append('\n');
        }
        return b.toString();
    }

    private static List<String> tail(Path log) {
        if (!Files.isRegularFile(log)) return List.of("(no log yet)");
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    public Path out() {
        return out;
    }
}
