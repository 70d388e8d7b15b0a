package org.looplab.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.looplab.model.Checkpoint;
import org.looplab.model.ModelConfig;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionDepth;
import org.looplab.model.TaskShape;
import org.looplab.provenance.Json;
import org.looplab.provenance.RunFolder;

/**
 * A new run that starts from another run's averaged (EMA) weights instead of a fresh initialisation: the second stage
 * of a long run whose first stage was finished without its resume state, or a difficulty curriculum (mixed puzzles
 * first, then hard ones). Only the weights carry over; the optimiser's moments, the EMA, the carry and the step count
 * start fresh (so the recipe's warm-up runs again, which also gives the new AdamW moments time to settle). That is not
 * the same as one longer run, so the manifest says so in a deviation line ({@link #note()}), which every resume of the
 * new run keeps.
 *
 * @param source       the run or checkpoint folder as the user named it (recorded as given: keep it relative)
 * @param paramsSha256 SHA-256 of the source's weights file, so the record names exactly which weights
 * @param sourceSteps  optimiser steps behind those weights (from the source's run manifest; -1 for a bare checkpoint)
 */
public record WarmStart(Path source, String paramsSha256, long sourceSteps) {
    /** How a manifest's deviations line for a warm start begins; {@link TrainingRun#resume} carries such lines over. */
    public static final String PREFIX = "initialised from ";

    /**
     * Reads the source's weights (verified against their hashes) for a run on data shaped {@code task}; refuses a
     * checkpoint of another task shape (vocabulary, cells, puzzle identifiers), naming both.
     */
    public static Loaded load(Path source, TaskShape task) {
        return load(source, task, null);
    }

    /**
     * {@link #load(Path, TaskShape)} with the source's weights run at another recursion depth (null: the source's
     * own): a depth curriculum's next stage.
     */
    public static Loaded load(Path source, TaskShape task, RecursionDepth depth) {
        RunFolder folder = RunFolder.of(source);
        Path checkpoint = folder.checkpoint();
        ReasoningModel model = Checkpoint.load(checkpoint, depth);
        if (!model.task().equals(task)) {
            model.close();
            throw new IllegalArgumentException(checkpoint + ": trained on data shaped " + model.task()
                    + ", this run's data is shaped " + task + "; a warm start needs the same shape");
        }
        RunManifest m = RunManifest.readIfPresent(folder);
        String sha = Json.read(checkpoint.resolve(Checkpoint.CONFIG_FILE), Checkpoint.Manifest.class)
                .paramsSha256(); // the load above checked the weights against it
        return new Loaded(model, new WarmStart(source, sha, m == null ? -1 : m.steps()));
    }

    /** The architecture {@code source} holds (read from its checkpoint's config, before any weights are loaded). */
    public static ModelConfig architecture(Path source) {
        return Checkpoint.architecture(RunFolder.of(source).checkpoint());
    }

    /** The source's model, and the record of where it came from. */
    public record Loaded(ReasoningModel model, WarmStart record) {}

    /**
     * The warm start a run's deviation lines record ({@link #note()}), or empty for a run that started from scratch.
     * A line that begins like one but does not parse is an error naming it, not a silent "no source".
     */
    public static Optional<WarmStart> recordedIn(List<String> deviations) {
        for (String line : deviations) {
            if (!line.startsWith(PREFIX)) continue;
            Matcher m = RECORDED.matcher(line);
            if (!m.lookingAt()) {
                throw new IllegalArgumentException("unreadable warm-start line in a run manifest: " + line);
            }
            long steps = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
            return Optional.of(new WarmStart(Path.of(m.group(1)), m.group(3), steps));
        }
        return Optional.empty();
    }

    private static final Pattern RECORDED = Pattern.compile(Pattern.quote(PREFIX)
            + "(.+?) \\((?:its EMA weights after (\\d+) steps|its weights), params sha256 ([0-9a-f]{64})\\)");

    /** The manifest's deviation line. */
    public String note() {
        return PREFIX + source
                + (sourceSteps >= 0 ? " (its EMA weights after " + sourceSteps + " steps" : " (its weights")
                + ", params sha256 " + paramsSha256
                + "); AdamW moments, EMA, carry and step count started fresh, so this is not one run of their summed"
                + " steps";
    }
}
