package org.looplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.looplab.model.HrmConfig;
import org.looplab.model.Mixer;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.RunFolder;
import org.looplab.provenance.RunResults;
import org.looplab.train.RunManifest;

/**
 * The shipped checkpoints as the README shows them ({@code looplab checkpoints}): one row per folder under
 * {@code data/checkpoints/}, every number read from its verified {@code manifest.json}, so the table cannot drift
 * from what the checkpoints measured.
 */
public final class ShippedCheckpoints {
    private ShippedCheckpoints() {}

    /**
     * @param name       the folder's name, which is also its {@code make train-NAME} target
     * @param model      what it is, e.g. {@code TRM-MLP n 3, T 2, hidden 64}
     * @param evaluation the final held-out evaluation of its EMA weights
     * @param arc        for an ARC checkpoint, the vote's pass@k from the per-task table {@code looplab eval} wrote
     *                   beside it ({@code arc-eval.tsv}); null for every other
     */
    public record Row(
            String name, String data, String model, long steps, RunResults.HeldOut evaluation, ArcScore arc) {}

    /** pass@1 and pass@2 over the held-out tasks (the mean of the per-task shares, as the papers report). */
    public record ArcScore(int tasks, double passAt1, double passAt2) {}

    /** The per-task table {@code looplab eval} writes for an ARC checkpoint, averaged over its tasks. */
    static ArcScore arcScore(Path table) {
        try {
            List<String> lines = Files.readAllLines(table);
            if (lines.isEmpty()) throw new IllegalArgumentException(table + ": empty");
            List<String> head = List.of(lines.get(0).split("\t"));
            int one = head.indexOf("pass_at_1"), two = head.indexOf("pass_at_2");
            if (one < 0 || two < 0)
                throw new IllegalArgumentException(table + ": line 1 has no pass_at_1 and pass_at_2 columns");
            double sum1 = 0, sum2 = 0;
            int tasks = 0;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] cells = lines.get(i).split("\t");
                try {
                    sum1 += Double.parseDouble(cells[one]);
                    sum2 += Double.parseDouble(cells[two]);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            table + ": line " + (i + 1) + ": not a pass@k row: " + lines.get(i));
                }
                tasks++;
            }
            if (tasks == 0) throw new IllegalArgumentException(table + ": no tasks");
            return new ArcScore(tasks, sum1 / tasks, sum2 / tasks);
        } catch (IOException e) {
            throw new UncheckedIOException(table + ": cannot read", e);
        }
    }

    /** Every checkpoint folder under {@code root} with a manifest, by name; a manifest without an evaluation fails. */
    public static List<Row> read(Path root) {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory)
                    .filter(f -> Files.isRegularFile(f.resolve(RunFolder.MANIFEST)))
                    .sorted()
                    .map(ShippedCheckpoints::row)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list checkpoints", e);
        }
    }

    private static Row row(Path folder) {
        RunManifest m = RunManifest.read(new RunFolder(folder));
        RunResults.HeldOut eval = m.results().finalEvaluation();
        if (eval == null || eval.adaptive() == null)
            throw new IllegalArgumentException(folder.resolve(RunFolder.MANIFEST) + ": no final evaluation recorded");
        Path arcTable = folder.resolve("arc-eval.tsv");
        return new Row(
                folder.getFileName().toString(),
                m.data().name(),
                describe(m.config().model()),
                m.steps(),
                eval,
                Files.isRegularFile(arcTable) ? arcScore(arcTable) : null);
    }

    static String describe(ModelConfig c) {
        if (c instanceof TrmConfig t)
            return String.format(
                    Locale.ROOT,
                    "TRM-%s n %d, T %d, hidden %d",
                    t.mixer() == Mixer.MLP ? "MLP" : "Att",
                    t.latentSteps(),
                    t.recursions(),
                    t.hiddenSize());
        if (c instanceof HrmConfig h)
            return String.format(
                    Locale.ROOT, "HRM %d×%d cycles, hidden %d", h.highCycles(), h.lowCycles(), h.hiddenSize());
        return c.getClass().getSimpleName() + ", hidden " + c.hiddenSize();
    }

    /** The README's table. */
    public static String markdown(List<Row> rows) {
        StringBuilder md =
                new StringBuilder("| checkpoint | model | data (held-out puzzles) | steps | exact, all 16 steps |"
                        + " cell | adaptive halting: exact / mean steps |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            RunResults.HeldOut e = r.evaluation();
            md.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %s | `%s` (%s) | %,d | **%.1f%%** | %.2f%% | %.1f%% / %.2f at %.1f%s |\n",
                    r.name(),
                    r.model(),
                    r.data(),
                    (e.puzzles() == null ? "?" : String.format(Locale.ROOT, "%,d", e.puzzles()))
                            + (r.arc() == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT,
                                            " versions of %d held-out tasks; voted: pass@1 %.1f%%, **pass@2 %.1f%%**",
                                            r.arc().tasks(),
                                            100 * r.arc().passAt1(),
                                            100 * r.arc().passAt2())),
                    r.steps(),
                    100 * e.exact(),
                    100 * e.cell(),
                    100 * e.adaptive().exact(),
                    e.adaptive().meanSteps(),
                    e.adaptive().threshold(),
                    r.model().startsWith("HRM") ? " (HRM: q_halt > q_continue)" : ""));
        }
        return md.toString();
    }
}
