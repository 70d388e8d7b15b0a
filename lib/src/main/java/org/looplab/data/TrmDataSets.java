package org.looplab.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.looplab.provenance.ContentHash;
import org.looplab.provenance.Json;

/**
 * Reads data set folders written by the TRM/HRM build scripts ({@code dataset/build_*_dataset.py}): per split
 * ({@code train/}, {@code test/}) a {@code dataset.json} and, per set name listed there, the arrays
 * {@code <set>__inputs.npy}, {@code __labels.npy} [N, seqLen], {@code __puzzle_identifiers.npy} [P],
 * {@code __puzzle_indices.npy} [P+1] (first example of each puzzle) and {@code __group_indices.npy} [G+1]
 * (first puzzle of each group). Each example gets the identifier of the puzzle it belongs to; difficulty is
 * unknown there, so it reads -1.
 */
public final class TrmDataSets {
    private TrmDataSets() {}

    /** The reference {@code dataset.json} (PuzzleDatasetMetadata). */
    public record Metadata(
            @JsonProperty("pad_id") int padId,
            @JsonProperty("ignore_label_id") Integer ignoreLabelId,
            @JsonProperty("blank_identifier_id") int blankIdentifierId,
            @JsonProperty("vocab_size") int vocabSize,
            @JsonProperty("seq_len") int seqLen,
            @JsonProperty("num_puzzle_identifiers") int numPuzzleIdentifiers,
            @JsonProperty("total_groups") int totalGroups,
            @JsonProperty("mean_puzzle_examples") double meanPuzzleExamples,
            @JsonProperty("sets") List<String> sets) {
        public Metadata {
            if (vocabSize < 2 || vocabSize > 128)
                throw new IllegalArgumentException("vocab_size must be in 2..128, was " + vocabSize);
            if (seqLen < 1) throw new IllegalArgumentException("seq_len must be >= 1, was " + seqLen);
            if (sets == null || sets.isEmpty()) throw new IllegalArgumentException("sets must name at least one set");
            sets = List.copyOf(sets);
        }
    }

    /** Reads {@code folder/train} and {@code folder/test}; the data set is named after the folder. */
    public static PuzzleSplits read(Path folder) {
        Map<String, String> sources = new LinkedHashMap<>();
        PuzzleDataSet train = readSplit(folder, "train", sources);
        PuzzleDataSet test = readSplit(folder, "test", sources);
        Metadata meta = Json.read(folder.resolve("train").resolve("dataset.json"), Metadata.class);
        return PuzzleSplits.of(
                folder.getFileName().toString(),
                "trm-hrm-build-script",
                "unknown",
                -1,
                Json.mapper().valueToTree(meta),
                sources,
                List.of(
                        "imported from " + folder + "; difficulty unknown (-1)",
                        "puzzle identifier per example = identifier of its puzzle (puzzle_indices)"),
                train,
                test,
                Map.of());
    }

    private static PuzzleDataSet readSplit(Path folder, String split, Map<String, String> sources) {
        Path dir = folder.resolve(split);
        Path metaFile = dir.resolve("dataset.json");
        if (!Files.isRegularFile(metaFile))
            throw new IllegalArgumentException(metaFile + ": missing (not a TRM/HRM data set folder?)");
        Metadata meta = Json.read(metaFile, Metadata.class);
        sources.put(split + "/dataset.json", ContentHash.of(metaFile));
        ByteArrayOutputStream inputs = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        List<Integer> ids = new ArrayList<>();
        for (String set : meta.sets()) {
            NpyArray in = array(dir, set, "inputs", sources, split);
            NpyArray out = array(dir, set, "labels", sources, split);
            NpyArray puzzleIds = array(dir, set, "puzzle_identifiers", sources, split);
            NpyArray puzzleIndices = array(dir, set, "puzzle_indices", sources, split);
            NpyArray groupIndices = array(dir, set, "group_indices", sources, split);
            String inName = dir.resolve(set + "__inputs.npy").toString();
            long[] shape = in.shape();
            if (shape.length != 2 || shape[1] != meta.seqLen()) {
                throw new IllegalArgumentException(inName + ": shape " + java.util.Arrays.toString(shape)
                        + ", dataset.json says seq_len " + meta.seqLen());
            }
            if (!java.util.Arrays.equals(out.shape(), shape)) {
                throw new IllegalArgumentException(
                        dir.resolve(set + "__labels.npy") + ": shape " + java.util.Arrays.toString(out.shape())
                                + " differs from inputs " + java.util.Arrays.toString(shape));
            }
            long n = shape[0];
            long puzzles = puzzleIds.size();
            String pi = dir.resolve(set + "__puzzle_indices.npy").toString();
            if (puzzleIndices.size() != puzzles + 1 || puzzleIndices.get(0) != 0 || puzzleIndices.get(puzzles) != n) {
                throw new IllegalArgumentException(pi + ": must hold " + (puzzles + 1) + " offsets from 0 to " + n);
            }
            if (groupIndices.size() < 1 || groupIndices.get(groupIndices.size() - 1) != puzzles) {
                throw new IllegalArgumentException(
                        dir.resolve(set + "__group_indices.npy") + ": last offset must be " + puzzles + " puzzles");
            }
            for (long p = 0; p < puzzles; p++) {
                long from = puzzleIndices.get(p);
                long to = puzzleIndices.get(p + 1);
                if (to < from) throw new IllegalArgumentException(pi + ": offsets decrease at puzzle " + p);
                for (long e = from; e < to; e++) ids.add((int) puzzleIds.get(p));
            }
            inputs.writeBytes(in.toTokenBytes(inName));
            labels.writeBytes(out.toTokenBytes(dir.resolve(set + "__labels.npy").toString()));
        }
        byte[] in = inputs.toByteArray();
        int count = in.length / meta.seqLen();
        int side = (int) Math.round(Math.sqrt(meta.seqLen()));
        if (side * side != meta.seqLen()) side = 0;
        // A 16-cell, 6-token set reads as a maze: the reference builders make 4×4 mazes, not 4×4 Sudoku.
        PuzzleKind kind = PuzzleKind.ofShape(meta.vocabSize(), meta.seqLen(), PuzzleKind.MAZE);
        return new PuzzleDataSet(
                folder.getFileName() + "/" + split,
                kind,
                kind == PuzzleKind.ARC ? 0 : side,
                meta.vocabSize(),
                meta.seqLen(),
                in,
                labels.toByteArray(),
                filled(count),
                ids.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int[] filled(int n) {
        int[] d = new int[n];
        java.util.Arrays.fill(d, -1);
        return d;
    }

    private static NpyArray array(Path dir, String set, String field, Map<String, String> sources, String split) {
        Path file = dir.resolve(set + "__" + field + ".npy");
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": missing");
        sources.put(split + "/" + file.getFileName(), ContentHash.of(file));
        return Npy.read(file);
    }
}
