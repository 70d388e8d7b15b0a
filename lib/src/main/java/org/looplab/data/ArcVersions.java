package org.looplab.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ARC set's puzzle identifiers and test rows stand for: identifier → (task, augmentation), and for each test
 * row which test pair of its task it is. Voting needs both: a prediction is mapped back through its version's inverse
 * augmentation and counted with the other versions of the same (task, test pair). Stored with the set as two
 * tab-separated attachments, hashed in its manifest.
 *
 * @param versions  versions.get(id - 1) is identifier id (0 is the blank identifier, as in the reference)
 * @param testPairs testPairs[row] = index of test row {@code row}'s pair among its task's test pairs
 */
public record ArcVersions(List<Version> versions, int[] testPairs) {

    public static final String VERSIONS = "arc/versions.tsv";
    public static final String TEST_PAIRS = "arc/test_pairs.tsv";

    /** One (task, augmentation) version, with its puzzle identifier. */
    public record Version(int puzzleIdentifier, String task, ArcAugment augment) {}

    public ArcVersions {
        versions = List.copyOf(versions);
        testPairs = testPairs.clone();
        for (int i = 0; i < versions.size(); i++)
            if (versions.get(i).puzzleIdentifier() != i + 1)
                throw new IllegalArgumentException("version " + i + " has identifier "
                        + versions.get(i).puzzleIdentifier() + ", expected " + (i + 1));
    }

    public Version version(int puzzleIdentifier) {
        if (puzzleIdentifier < 1 || puzzleIdentifier > versions.size())
            throw new IllegalArgumentException(
                    "puzzle identifier " + puzzleIdentifier + " is not one of the " + versions.size() + " versions");
        return versions.get(puzzleIdentifier - 1);
    }

    /** The augmentations of {@code task}'s versions, in identifier order (the original first). */
    public List<ArcAugment> augmentsOf(String task) {
        List<ArcAugment> out = versions.stream()
                .filter(v -> v.task().equals(task))
                .map(Version::augment)
                .toList();
        if (out.isEmpty()) throw new IllegalArgumentException("no versions of task " + task);
        return out;
    }

    /** The two attachment files. */
    public Map<String, byte[]> files() {
        StringBuilder v = new StringBuilder("puzzle_id\ttask\tdihedral\tcolours\n");
        for (Version x : versions) {
            StringBuilder colours = new StringBuilder();
            for (byte c : x.augment().colourMap()) colours.append(c);
            v.append(x.puzzleIdentifier())
                    .append('\t')
                    .append(x.task())
                    .append('\t')
                    .append(x.augment().dihedral())
                    .append('\t')
                    .append(colours)
                    .append('\n');
        }
        StringBuilder t = new StringBuilder("test_row\tpair\n");
        for (int i = 0; i < testPairs.length; i++)
            t.append(i).append('\t').append(testPairs[i]).append('\n');
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(VERSIONS, v.toString().getBytes(StandardCharsets.UTF_8));
        out.put(TEST_PAIRS, t.toString().getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** Reads the attachments of a loaded set; errors name the set, file and line. */
    public static ArcVersions of(PuzzleSplits splits) {
        String name = splits.manifest().name();
        List<Version> versions = new ArrayList<>();
        List<String[]> rows = rows(splits.attachment(VERSIONS), name + ": " + VERSIONS, 4);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = name + ": " + VERSIONS + " line " + (i + 2);
            try {
                byte[] colours = new byte[r[3].length()];
                for (int c = 0; c < colours.length; c++) colours[c] = (byte) (r[3].charAt(c) - '0');
                versions.add(
                        new Version(Integer.parseInt(r[0]), r[1], new ArcAugment(Dihedral.valueOf(r[2]), colours)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        List<String[]> pairs = rows(splits.attachment(TEST_PAIRS), name + ": " + TEST_PAIRS, 2);
        if (pairs.size() != splits.test().count())
            throw new IllegalArgumentException(name + ": " + TEST_PAIRS + " has " + pairs.size()
                    + " rows, the test split " + splits.test().count());
        int[] testPairs = new int[pairs.size()];
        for (int i = 0; i < testPairs.length; i++) {
            try {
                testPairs[i] = Integer.parseInt(pairs.get(i)[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + ": " + TEST_PAIRS + " line " + (i + 2) + ": not a number: " + pairs.get(i)[1]);
            }
        }
        return new ArcVersions(versions, testPairs);
    }

    private static List<String[]> rows(byte[] bytes, String where, int fields) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) continue;
            String[] f = lines[i].split("\t");
            if (f.length != fields)
                throw new IllegalArgumentException(
                        where + " line " + (i + 1) + ": " + f.length + " fields, expected " + fields);
            out.add(f);
        }
        return out;
    }
}
