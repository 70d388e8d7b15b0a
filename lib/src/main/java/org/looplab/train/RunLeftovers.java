package org.looplab.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.FileHashes;
import org.looplab.provenance.Json;
import org.looplab.provenance.RunFolder;

/**
 * What a fresh run may find in its output folder, and clear. A folder without {@code manifest.json} is written into
 * only when it is missing or empty, or holds just what a run killed before its first complete checkpoint leaves: its
 * lock, a {@code metrics.jsonl} of metric lines, a {@code live/} and {@code model/} that are LoopLab checkpoints, a
 * hash list of the manifest and LoopLab's temporary names. Anything else (a user's {@code model/} folder, the sources
 * of a project that was given as {@code --out .}) is refused with one line naming it, and nothing is deleted. The
 * one exception: {@code *.log} files are kept and left alone, because a shell creates {@code --out DIR/train.log}
 * before the run starts.
 */
final class RunLeftovers {
    private RunLeftovers() {}

    private static final Set<String> CHECKPOINT_FILES =
            Set.of(RunFolder.CHECKPOINT_CONFIG, RunFolder.CHECKPOINT_PARAMS, FileHashes.FILE);
    private static final Set<String> LIVE_FILES =
            Set.of(TrainingRun.LIVE_WEIGHTS, TrainingRun.LIVE_ARRAYS, TrainingRun.LIVE_TRAINER);
    // AtomicFiles' hidden siblings of what a save writes: ".model.k3j9x", ".metrics.jsonl.k3j9x.tmp"
    private static final Pattern TEMPORARY = Pattern.compile(
            "\\.(model|live|metrics\\.jsonl|manifest\\.json|SHA256SUMS|SHA256SUMS\\.next)\\.[0-9a-z]+(\\.tmp)?");

    /**
     * Refuses {@code out} unless everything in it is a killed run's leftover (see the class comment), then removes
     * those leftovers, saying so on stderr. Call while holding the folder's {@link RunLock}.
     */
    static void clear(Path out) {
        if (!Files.exists(out)) return;
        if (!Files.isDirectory(out))
            throw new IllegalArgumentException(out + ": exists and is not a folder; choose another --out");
        List<Path> leftovers = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(out)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals(RunLock.FILE) || isLog(p)) continue;
                String why = whyNotOurs(p, name);
                if (why == null) leftovers.add(p);
                else foreign.add(why);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot list: " + e.getMessage(), e);
        }
        if (!foreign.isEmpty())
            throw new IllegalArgumentException(out + ": holds " + foreign.get(0)
                    + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
                    + ", not a LoopLab run's; nothing replaced (train writes only into an empty folder or a run folder:"
                    + " choose another --out)");
        if (leftovers.isEmpty()) return;
        try {
            for (Path p : leftovers) AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + out + ": " + e.getMessage(), e);
        }
        System.err.println(out + ": no manifest, so no run to resume (killed before its first checkpoint);"
                + " starting afresh, replacing "
                + String.join(
                        ", ",
                        leftovers.stream().map(p -> p.getFileName().toString()).toList()));
    }

    private static boolean isLog(Path p) {
        return p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** Null when {@code p} is what a killed run leaves, else a short description of what it is. */
    private static String whyNotOurs(Path p, String name) {
        if (Files.isSymbolicLink(p)) return name + " (a symbolic link)";
        if (TEMPORARY.matcher(name).matches()) return null;
        switch (name) {
            case RunFolder.MODEL:
                return isCheckpoint(p) ? null : name + "/ (not a LoopLab checkpoint)";
            case RunFolder.LIVE:
                return isLive(p) ? null : name + "/ (not a LoopLab resume state)";
            case RunFolder.METRICS:
                return isMetrics(p) ? null : name + " (not LoopLab's metric lines)";
            case FileHashes.FILE, FileHashes.NEXT:
                return hashesOnlyTheManifest(p) ? null : name + " (lists more than a run's manifest)";
            default:
                return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name;
        }
    }

    private static boolean isCheckpoint(Path folder) {
        return onlyNames(folder, CHECKPOINT_FILES)
                && Files.isRegularFile(folder.resolve(RunFolder.CHECKPOINT_CONFIG), LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isLive(Path folder) {
        if (!onlyNames(folder, LIVE_FILES)) return false;
        Path weights = folder.resolve(TrainingRun.LIVE_WEIGHTS);
        return !Files.exists(weights, LinkOption.NOFOLLOW_LINKS) || isCheckpoint(weights);
    }

    /** A directory (not a link) whose entries are all among {@code allowed}, each a plain file or folder. */
    private static boolean onlyNames(Path folder, Set<String> allowed) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(e -> allowed.contains(e.getFileName().toString()) && !Files.isSymbolicLink(e));
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** Every complete line a JSON object with a numeric step (the last, torn by a kill, may be anything). */
    private static boolean isMetrics(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return false;
        String[] lines;
        try {
            lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
        } catch (IOException | RuntimeException e) { // unreadable or not UTF-8: not ours
            return false;
        }
        for (int i = 0; i < lines.length - 1; i++) {
            try {
                JsonNode n = Json.mapper().readTree(lines[i]);
                if (n == null || !n.isObject() || !n.path("step").isIntegralNumber()) return false;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean hashesOnlyTheManifest(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8))
                if (!line.isBlank() && !line.matches("[0-9a-f]{64} [ *]" + Pattern.quote(RunFolder.MANIFEST)))
                    return false;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
