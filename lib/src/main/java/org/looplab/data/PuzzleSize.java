package org.looplab.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A puzzle family and its side, as short names write them: {@code sudoku9}, {@code maze30}, {@code arc} (side 30, the
 * canvas). The grammar of those names lives here, beside {@link PuzzleKind}, so nothing above {@code data} parses
 * names itself.
 *
 * @param kind SUDOKU, MAZE or ARC
 * @param side grid side
 */
public record PuzzleSize(PuzzleKind kind, int side) {
    private static final Pattern NAME = Pattern.compile("(sudoku|maze)(\\d+)|arc");

    /** Parses {@code sudoku9}, {@code sudoku4}, {@code maze30}, {@code arc}; errors name the value. */
    public static PuzzleSize parse(String name) {
        PuzzleSize s = parseOrNull(name);
        if (s == null)
            throw new IllegalArgumentException(
                    "task must be sudokuN, mazeN or arc (e.g. sudoku9, maze30); was '" + name + "'");
        return s;
    }

    /** The size a name states, or null where it is not one of these names. */
    public static PuzzleSize parseOrNull(String name) {
        Matcher m = NAME.matcher(name.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return null;
        if (m.group(1) == null) return new PuzzleSize(PuzzleKind.ARC, 30);
        try {
            return new PuzzleSize(
                    m.group(1).equals("sudoku") ? PuzzleKind.SUDOKU : PuzzleKind.MAZE, Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            return null; // more digits than an int holds: not a size
        }
    }
}
