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
     */
    public record Row(String name, String data, String model, long steps, RunResults.HeldOut evaluation) {}

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
        return new Row(
                folder.getFileName().toString(),
                m.data().name(),
                describe(m.config().model()),
                m.steps(),
                eval);
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
                    e.puzzles() == null ? "?" : String.format(Locale.ROOT, "%,d", e.puzzles()),
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
