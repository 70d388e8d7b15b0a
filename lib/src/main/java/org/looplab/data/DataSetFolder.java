package org.looplab.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.looplab.Profile;
import org.looplab.provenance.DataManifest;
import org.looplab.provenance.Json;

/**
 * Who may read and who may write a named data set's folder ({@link PuzzleDataSets#folder}). Readers ({@code eval},
 * {@code halting}, {@code trace}, resume) only {@link #load}: a folder that is missing, has no manifest, was built
 * from another spec or fails its hashes stops them with one line naming the folder, what differs and the command
 * that rebuilds it. Only {@code looplab data build} ({@link #build}) replaces a folder, and only one that LoopLab
 * wrote and that holds nothing else; {@link #buildIfAbsent} (notebooks, tests, a fresh run) writes only where
 * nothing is. So a user's file in a data folder, or a set built with other settings, is never silently replaced.
 */
public final class DataSetFolder {
    private DataSetFolder() {}

    /** Loads and verifies the profile's build of a named set; never writes. */
    public static PuzzleSplits load(String name, Profile profile, Path root) {
        DataSetSpec spec = PuzzleDataSets.spec(name, profile);
        Path folder = PuzzleDataSets.folder(root, name, profile);
        String rebuild = "; rebuild it with: " + buildCommand(name, profile, root);
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException(
                    folder + ": no such data set; build it with: " + buildCommand(name, profile, root));
        }
        if (!Files.isRegularFile(folder.resolve(PuzzleSplits.MANIFEST))) {
            throw new IllegalArgumentException(folder + ": no " + PuzzleSplits.MANIFEST + ", so not a LoopLab data set"
                    + "; move it away, then build it with: " + buildCommand(name, profile, root));
        }
        PuzzleSplits splits;
        try {
            splits = PuzzleSplits.load(folder);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage() + rebuild, e);
        }
        String differs = differences(spec, splits.manifest().config());
        if (!differs.isEmpty()) {
            throw new IllegalArgumentException(folder + ": built with " + differs + rebuild);
        }
        return splits;
    }

    /**
     * Loads the set when its folder holds one (verified as by {@link #load}), else builds and writes it. Writes only
     * into a missing or empty folder: anything else there, even a LoopLab set built with other settings, is refused.
     */
    public static PuzzleSplits buildIfAbsent(String name, Profile profile, Path root) {
        Path folder = PuzzleDataSets.folder(root, name, profile);
        if (!isEmpty(folder)) return load(name, profile, root);
        PuzzleSplits built = PuzzleDataSets.build(name, profile);
        built.write(folder);
        return built;
    }

    /** {@code looplab data build}: builds the set and writes it, replacing only a LoopLab-made folder. */
    public static PuzzleSplits build(String name, Profile profile, Path root) {
        Path folder = PuzzleDataSets.folder(root, name, profile);
        checkReplaceable(folder);
        PuzzleSplits built = PuzzleDataSets.build(name, profile);
        built.write(folder);
        return built;
    }

    /**
     * Refuses a folder that holds anything LoopLab's data build did not write there (a file without a data manifest,
     * or one its manifest does not list), naming it. A missing or empty folder passes.
     */
    public static void checkReplaceable(Path folder) {
        if (isEmpty(folder)) return;
        if (!Files.isDirectory(folder))
            throw new IllegalArgumentException(folder + ": exists and is not a folder; not replaced");
        Path manifest = folder.resolve(PuzzleSplits.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(folder + ": not empty and has no " + PuzzleSplits.MANIFEST
                    + ", so LoopLab did not make it; not replaced (move it away or choose another --out)");
        }
        DataManifest m = Json.read(manifest, DataManifest.class);
        Set<Path> ours = new HashSet<>();
        ours.add(folder);
        ours.add(manifest);
        for (String file : m.files().keySet()) {
            for (Path p = folder.resolve(file); p != null && p.startsWith(folder); p = p.getParent()) ours.add(p);
        }
        List<Path> foreign = new ArrayList<>();
        try (Stream<Path> all = Files.walk(folder)) {
            all.filter(p -> !ours.contains(p)).sorted().forEach(foreign::add);
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list: " + e.getMessage(), e);
        }
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException(
                    folder + ": holds " + folder.relativize(foreign.get(0))
                            + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
                            + ", which LoopLab's data build did not write; not replaced (move it away or choose another --out)");
        }
    }

    /** The command that builds this set where readers look for it. */
    public static String buildCommand(String name, Profile profile, Path root) {
        return "looplab data build " + name + " --profile " + profile.id() + " --out " + root;
    }

    private static boolean isEmpty(Path folder) {
        if (!Files.exists(folder)) return true;
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** What the manifest's recorded spec says that {@code expected} does not, e.g. "trainCount 64 (expected 2000)". */
    static String differences(DataSetSpec expected, JsonNode recorded) {
        if (recorded == null || !recorded.isObject()) return "no generator spec in its manifest (not a generated set)";
        List<String> out = new ArrayList<>();
        diff("", Json.mapper().valueToTree(expected), recorded, out);
        return String.join(", ", out);
    }

    private static void diff(String path, JsonNode want, JsonNode got, List<String> out) {
        if (want.isObject() && got != null && got.isObject()) {
            Set<String> keys = new java.util.TreeSet<>();
            want.fieldNames().forEachRemaining(keys::add);
            got.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) diff(path.isEmpty() ? k : path + "." + k, want.get(k), got.get(k), out);
        } else if (got == null || got.isMissingNode()) {
            out.add("no " + path + " (expected " + want + ")");
        } else if (want == null) {
            out.add(path + " " + got + " (not expected)");
        } else if (!want.equals(got) && !(want.isNumber() && got.isNumber() && want.asDouble() == got.asDouble())) {
            out.add((path.isEmpty() ? "config" : path) + " " + got + " (expected " + want + ")");
        }
    }
}
