package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.provenance.Json;

class NpyTest {

    @Test
    void roundTripsAndFollowsTheFormat(@TempDir Path dir) {
        NpyArray bytes = NpyArray.ofBytes(new byte[] {0, 1, 10, (byte) 200, 5, 6}, 2, 3);
        NpyArray ints = NpyArray.ofInts(new int[] {-1, 0, 123456}, 3);
        NpyArray longs = NpyArray.ofLongs(new long[] {1L << 40, -7}, 2);
        for (NpyArray a : List.of(bytes, ints, longs)) {
            Path f = dir.resolve("a.npy");
            Npy.write(f, a);
            assertEquals(a, Npy.read(f));
        }
        byte[] file = Npy.bytes(ints);
        assertEquals((byte) 0x93, file[0]);
        assertEquals("NUMPY", new String(file, 1, 5, StandardCharsets.ISO_8859_1));
        int headerLen = (file[8] & 0xFF) | (file[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLen) % 64, "data starts 64-byte aligned, as numpy writes it");
        String header = new String(file, 10, headerLen, StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("'descr': '<i4'") && header.contains("'shape': (3,)"), header);
        assertEquals(200, bytes.get(3), "uint8 reads unsigned");
        assertEquals(-1, ints.get(0));
        assertEquals(1L << 40, longs.get(0));
        // Little-endian int32 of 123456 = 0x0001E240.
        assertArrayEquals(
                new byte[] {0x40, (byte) 0xE2, 0x01, 0x00}, Arrays.copyOfRange(file, file.length - 4, file.length));
    }

    @Test
    void truncatedOrForeignFilesFailNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] file = Npy.bytes(NpyArray.ofInts(new int[] {1, 2, 3}, 3));
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(file, file.length - 2));
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": truncated"), e.getMessage());
        Path floats = dir.resolve("f.npy");
        Files.write(
                floats,
                new String(file, StandardCharsets.ISO_8859_1)
                        .replace("<i4", "<f4")
                        .getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(floats));
        assertTrue(e.getMessage().contains("f.npy") && e.getMessage().contains("'<f4'"), e.getMessage());
        Path junk = dir.resolve("junk.npy");
        Files.writeString(junk, "hello world");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Npy.read(junk))
                .getMessage()
                .contains("bad magic"));
    }

    /**
     * A folder as the TRM/HRM build scripts write it: two puzzles (identifiers 5 and 7) with 2 and 1 examples, in
     * one group; uint8 inputs as in the Sudoku builder, int32 indices.
     */
    static void writeTrmFolder(Path root) throws Exception {
        for (String split : List.of("train", "test")) {
            Path dir = root.resolve(split);
            Files.createDirectories(dir);
            Map<String, Object> meta = new java.util.LinkedHashMap<>();
            meta.put("pad_id", 0);
            meta.put("ignore_label_id", 0);
            meta.put("blank_identifier_id", 0);
            meta.put("vocab_size", 6);
            meta.put("seq_len", 16);
            meta.put("num_puzzle_identifiers", 8);
            meta.put("total_groups", 1);
            meta.put("mean_puzzle_examples", 1.5);
            meta.put("sets", List.of("all"));
            Files.writeString(dir.resolve("dataset.json"), Json.write(meta));
            byte[] inputs = new byte[3 * 16];
            byte[] labels = new byte[3 * 16];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = (byte) (1 + i % 5);
                labels[i] = (byte) (2 + i % 4);
            }
            Npy.write(dir.resolve("all__inputs.npy"), NpyArray.ofBytes(inputs, 3, 16));
            Npy.write(dir.resolve("all__labels.npy"), NpyArray.ofBytes(labels, 3, 16));
            Npy.write(dir.resolve("all__puzzle_identifiers.npy"), NpyArray.ofInts(new int[] {5, 7}, 2));
            Npy.write(dir.resolve("all__puzzle_indices.npy"), NpyArray.ofInts(new int[] {0, 2, 3}, 3));
            Npy.write(dir.resolve("all__group_indices.npy"), NpyArray.ofLongs(new long[] {0, 2}, 2));
        }
    }

    @Test
    void readsTrmBuildScriptFolders(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("maze-tiny");
        writeTrmFolder(root);
        PuzzleSplits s = TrmDataSets.read(root);
        assertEquals(3, s.train().count());
        assertEquals(16, s.train().seqLen());
        assertEquals(6, s.train().vocab());
        assertEquals(PuzzleKind.MAZE, s.train().kind(), "vocab 6 on a square grid: the maze encoding");
        assertEquals(5, s.train().puzzleIdentifier(0));
        assertEquals(5, s.train().puzzleIdentifier(1));
        assertEquals(7, s.train().puzzleIdentifier(2));
        assertEquals(-1, s.train().difficulty(0));
        assertEquals(1 + 16 % 5, s.train().input(1)[0]);
        assertEquals("trm-hrm-build-script", s.manifest().generator());
        assertEquals(12, s.manifest().sources().size(), "every source file's hash is kept");
        // A broken offset table is named.
        Npy.write(root.resolve("test/all__puzzle_indices.npy"), NpyArray.ofInts(new int[] {0, 2, 4}, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> TrmDataSets.read(root));
        assertTrue(e.getMessage().contains("all__puzzle_indices.npy"), e.getMessage());
    }
}
