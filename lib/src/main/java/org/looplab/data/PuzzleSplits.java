package org.looplab.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.DataManifest;
import org.looplab.provenance.Json;

/**
 * A data set: its manifest and its train and test splits. On disk a folder holds {@code manifest.json} and, per
 * split, {@code <split>/inputs.npy} and {@code labels.npy} (uint8 [N, seqLen]), {@code difficulty.npy} and
 * {@code puzzle_ids.npy} (int32 [N]). The arrays are plain .npy, so numpy opens them too. A set may carry
 * attachments, further files listed and hashed in the manifest like the arrays (ARC: which task and augmentation
 * each puzzle identifier stands for, so predictions can be mapped back).
 */
public record PuzzleSplits(
        DataManifest manifest, PuzzleDataSet train, PuzzleDataSet test, Map<String, byte[]> attachments) {

    public static final String MANIFEST = "manifest.json";
    private static final List<String> SPLITS = List.of("train", "test");

    public PuzzleSplits {
        attachments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
    }

    public PuzzleSplits(DataManifest manifest, PuzzleDataSet train, PuzzleDataSet test) {
        this(manifest, train, test, Map.of());
    }

    /** An attachment's bytes; a missing one is an error naming the set and the file. */
    public byte[] attachment(String path) {
        byte[] b = attachments.get(path);
        if (b == null) throw new IllegalArgumentException(manifest.name() + ": has no " + path);
        return b.clone();
    }

    /**
     * Assembles a data set and its manifest (file hashes computed from the bytes that {@link #write} writes), with
     * attachments (path inside the folder → bytes; {@code Map.of()} for none) hashed into the manifest with the arrays.
     */
    public static PuzzleSplits of(
            String name,
            String generator,
            String profile,
            long seed,
            JsonNode config,
            Map<String, String> sources,
            List<String> notes,
            PuzzleDataSet train,
            PuzzleDataSet test,
            Map<String, byte[]> attachments) {
        if (train.vocab() != test.vocab() || train.seqLen() != test.seqLen() || train.kind() != test.kind()) {
            throw new IllegalArgumentException(name + ": train and test differ in kind, vocab or seqLen");
        }
        Map<String, String> files = new LinkedHashMap<>();
        fileBytes(train, test).forEach((path, bytes) -> files.put(path, ContentHash.of(bytes)));
        attachments.forEach((path, bytes) -> {
            if (files.containsKey(path))
                throw new IllegalArgumentException(name + ": attachment " + path + " is an array file");
            files.put(path, ContentHash.of(bytes));
        });
        DataManifest m = new DataManifest(
                "data",
                name,
                train.kind().name(),
                generator,
                profile,
                seed,
                train.vocab(),
                train.seqLen(),
                Map.of("train", train.count(), "test", test.count()),
                config,
                files,
                DataManifest.combinedHash(files),
                sources,
                CodeVersion.current(),
                notes);
        return new PuzzleSplits(m, train, test, attachments);
    }

    private static Map<String, byte[]> fileBytes(PuzzleDataSet train, PuzzleDataSet test) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (PuzzleDataSet set : List.of(train, test)) {
            String split = set == train ? "train" : "test";
            long n = set.count();
            out.put(split + "/inputs.npy", Npy.bytes(NpyArray.ofBytes(set.inputsArray(), n, set.seqLen())));
            out.put(split + "/labels.npy", Npy.bytes(NpyArray.ofBytes(set.labelsArray(), n, set.seqLen())));
            out.put(split + "/difficulty.npy", Npy.bytes(NpyArray.ofInts(set.difficulties(), n)));
            out.put(split + "/puzzle_ids.npy", Npy.bytes(NpyArray.ofInts(set.puzzleIdentifiersArray(), n)));
        }
        return out;
    }

    /** The content hash of the arrays (the manifest's {@code sha256}). */
    public String sha256() {
        return manifest.sha256();
    }

    /** Writes the folder atomically: a failure leaves the old folder (or none), never half a data set. */
    public void write(Path folder) {
        Map<String, byte[]> files = fileBytes(train, test);
        files.putAll(attachments);
        AtomicFiles.writeFolder(folder, tmp -> {
            for (var e : files.entrySet()) {
                Path p = tmp.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            Files.writeString(tmp.resolve(MANIFEST), Json.write(manifest));
        });
    }

    /**
     * Reads a folder written by {@link #write}. Every array file's SHA-256 is recomputed; a mismatch or a
     * truncated file fails with an error naming the file.
     */
    public static PuzzleSplits load(Path folder) {
        Path manifestFile = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile))
            throw new IllegalArgumentException(manifestFile + ": no such data set manifest");
        DataManifest m = Json.read(manifestFile, DataManifest.class);
        for (var e : m.files().entrySet()) {
            Path file = folder.resolve(e.getKey());
            if (!Files.isRegularFile(file))
                throw new IllegalArgumentException(file + ": missing (listed in " + manifestFile + ")");
            String actual = ContentHash.of(file);
            if (!actual.equals(e.getValue())) {
                throw new IllegalArgumentException(file + ": content hash " + actual + " does not match " + e.getValue()
                        + " in " + manifestFile + " (file changed or damaged)");
            }
        }
        PuzzleKind kind = PuzzleKind.valueOf(m.puzzle());
        int side = (int) Math.round(Math.sqrt(m.seqLen()));
        if (side * side != m.seqLen()) side = 0;
        List<PuzzleDataSet> sets = new ArrayList<>();
        for (String split : SPLITS) {
            Path dir = folder.resolve(split);
            byte[] inputs = Npy.read(dir.resolve("inputs.npy"))
                    .toTokenBytes(dir.resolve("inputs.npy").toString());
            byte[] labels = Npy.read(dir.resolve("labels.npy"))
                    .toTokenBytes(dir.resolve("labels.npy").toString());
            int[] difficulty = Npy.read(dir.resolve("difficulty.npy"))
                    .toInts(dir.resolve("difficulty.npy").toString());
            int[] ids = Npy.read(dir.resolve("puzzle_ids.npy"))
                    .toInts(dir.resolve("puzzle_ids.npy").toString());
            Integer expected = m.counts().get(split);
            if (expected == null || inputs.length != expected * m.seqLen()) {
                throw new IllegalArgumentException(dir.resolve("inputs.npy") + ": holds " + inputs.length / m.seqLen()
                        + " rows, " + manifestFile + " says " + expected);
            }
            sets.add(new PuzzleDataSet(
                    m.name() + "/" + split, kind, side, m.vocab(), m.seqLen(), inputs, labels, difficulty, ids));
        }
        Map<String, byte[]> attached = new LinkedHashMap<>();
        Set<String> arrays = new HashSet<>();
        for (String split : SPLITS)
            for (String a : List.of("inputs", "labels", "difficulty", "puzzle_ids"))
                arrays.add(split + "/" + a + ".npy");
        for (String file : m.files().keySet()) {
            if (arrays.contains(file)) continue;
            try {
                attached.put(file, Files.readAllBytes(folder.resolve(file)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(folder.resolve(file) + ": cannot read", e);
            }
        }
        return new PuzzleSplits(m, sets.get(0), sets.get(1), attached);
    }

    /** Test rows whose puzzle, under some augmentation, also appears in train (should be none). */
    public List<Integer> leakedTestRows() {
        Set<String> trainKeys = new HashSet<>();
        for (int i = 0; i < train.count(); i++) trainKeys.add(train.canonicalKey(i));
        List<Integer> leaked = new ArrayList<>();
        for (int i = 0; i < test.count(); i++) if (trainKeys.contains(test.canonicalKey(i))) leaked.add(i);
        return leaked;
    }
}
