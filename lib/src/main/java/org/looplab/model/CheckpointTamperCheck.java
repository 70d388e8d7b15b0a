package org.looplab.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.looplab.provenance.FileHashes;
import org.looplab.provenance.Json;
import org.looplab.provenance.RunFolder;

/**
 * Whether a checkpoint's {@code config.json} is the one that was written: an edited config builds another model over
 * the same weights (n = 5 over weights trained with n = 3) and would be evaluated silently. Two witnesses, so that
 * deleting one is noticed: the checkpoint's own {@code SHA256SUMS}, and the model config recorded in the hashed
 * {@code manifest.json} of the run around it ({@code RUN/model/}, {@code RUN/live/weights/}).
 * <ul>
 *   <li>A hash list that does not name {@code config.json}, or a config that differs from its hash: refused.
 *   <li>A model config that differs from the run manifest's: refused, naming the first field that differs.
 *   <li>No hash list in a run whose manifest is hashed (both came with the same LoopLab): refused, the list was removed.
 *   <li>No hash list and no hashed manifest (folders made before hashes were recorded): loaded, with a warning on
 *       stderr naming what cannot be checked.
 * </ul>
 */
final class CheckpointTamperCheck {
    private CheckpointTamperCheck() {}

    static void verify(Path folder, Checkpoint.Manifest config, PrintStream warnings) {
        Path configFile = folder.resolve(Checkpoint.CONFIG_FILE);
        FileHashes own = FileHashes.read(folder);
        if (own != null) {
            if (!own.sha256().containsKey(Checkpoint.CONFIG_FILE))
                throw new IllegalArgumentException(folder.resolve(FileHashes.FILE) + ": lists no "
                        + Checkpoint.CONFIG_FILE + " (LoopLab always records it): refusing an unchecked " + configFile);
            own.check(Checkpoint.CONFIG_FILE);
        }
        Path run = enclosingRun(folder);
        boolean runHashed = run != null && FileHashes.read(run) != null;
        if (run != null) {
            if (runHashed) FileHashes.verify(run, RunFolder.MANIFEST);
            crossCheck(configFile, config.model(), run.resolve(RunFolder.MANIFEST), warnings);
        }
        if (own != null) return;
        if (runHashed)
            throw new IllegalArgumentException(folder.resolve(FileHashes.FILE) + ": missing, but the run's "
                    + run.resolve(RunFolder.MANIFEST) + " is hashed, so this checkpoint had one too: refusing a "
                    + configFile + " whose hash was removed; restore " + FileHashes.FILE + ", or train again");
        warnings.println(configFile + ": not checked: no " + FileHashes.FILE + " here"
                + (run == null
                        ? " and no run manifest around it"
                        : " and " + run.resolve(RunFolder.MANIFEST) + " is not hashed either (its model config agrees)")
                + " (written before LoopLab recorded hashes?); an edit to it would go unnoticed");
    }

    /** The run folder whose manifest describes this checkpoint, or null for a bare checkpoint without one. */
    private static Path enclosingRun(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
        Path parent = abs.getParent();
        Path run = null;
        if (name.equals(RunFolder.MODEL)) run = parent;
        else if (name.equals("weights")
                && parent != null
                && parent.getFileName().toString().equals(RunFolder.LIVE)) run = parent.getParent();
        else run = abs; // a bare checkpoint may carry its run's manifest beside its config
        return run != null && Files.isRegularFile(run.resolve(RunFolder.MANIFEST)) ? run : null;
    }

    private static void crossCheck(Path configFile, ModelConfig model, Path manifest, PrintStream warnings) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(manifest.toFile()).path("config").path("model");
        } catch (IOException e) {
            throw new IllegalArgumentException(manifest + ": not JSON: " + e.getMessage(), e);
        }
        if (node.isMissingNode()) return; // not a run manifest (no model config to compare with)
        ModelConfig recorded;
        try { // read as configs are read, so a field an older LoopLab did not write takes the same default in both
            recorded = Json.mapper().treeToValue(node, ModelConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            warnings.println(configFile + ": not compared with " + manifest + ", whose model config cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        if (recorded.equals(model)) return;
        JsonNode written = Json.mapper().valueToTree(model),
                expected = Json.mapper().valueToTree(recorded);
        String field = firstDifference(written, expected);
        throw new IllegalArgumentException(configFile + ": model " + field + " is " + written.path(field)
                + ", but the run's " + manifest + " records " + expected.path(field)
                + "; refusing an edited checkpoint config: restore it, or train again");
    }

    private static String firstDifference(JsonNode a, JsonNode b) {
        var names = new java.util.TreeSet<String>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String n : names) if (!a.path(n).equals(b.path(n))) return n;
        return "config";
    }
}
