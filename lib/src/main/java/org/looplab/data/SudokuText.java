package org.looplab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text forms of Sudoku: one puzzle per line, one character per cell in reading order ({@code .} or {@code 0} for a
 * blank, {@code 1}..side for a digit); 16, 36 or 81 characters give 4×4, 6×6 or 9×9. Errors name the source and
 * line, so a bad file is found at once.
 */
public final class SudokuText {
    private SudokuText() {}

    /** Formats with {@code .} for blanks. */
    public static String format(Sudoku grid) {
        StringBuilder sb = new StringBuilder(grid.shape().cells());
        for (byte b : grid.cells()) sb.append(b == 0 ? '.' : (char) ('0' + b));
        return sb.toString();
    }

    /** Parses one line; {@code source} and {@code lineNumber} (1-based) only go into error messages. */
    public static Sudoku parse(String line, String source, int lineNumber) {
        String where = source + " line " + lineNumber + ": ";
        String text = line.strip();
        SudokuShape shape;
        try {
            shape = SudokuShape.ofCells(text.length());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage());
        }
        byte[] cells = new byte[text.length()];
        for (int i = 0; i < cells.length; i++) {
            char ch = text.charAt(i);
            if (ch == '.' || ch == '0') continue;
            if (ch < '1' || ch > '0' + shape.side()) {
                throw new IllegalArgumentException(where + "illegal character '" + ch + "' at column " + (i + 1)
                        + "; a " + shape.side() + "×" + shape.side() + " puzzle uses . or 0 and 1-" + shape.side());
            }
            cells[i] = (byte) (ch - '0');
        }
        return new Sudoku(shape, cells);
    }

    /** Parses a single puzzle line with no file around it. */
    public static Sudoku parse(String line) {
        return parse(line, "text", 1);
    }

    /**
     * A line as read, without the UTF-8 byte-order mark some editors put before line 1 (Java's decoder keeps it as
     * U+FEFF, which would otherwise count as the first cell).
     */
    public static String withoutBom(String line, int lineNumber) {
        return lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Every non-blank line of {@code in}; lines starting with {@code #} are comments. */
    public static List<Sudoku> read(BufferedReader in, String source) {
        List<Sudoku> puzzles = new ArrayList<>();
        try {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                line = withoutBom(line, number);
                if (line.isBlank() || line.startsWith("#")) continue;
                puzzles.add(parse(line, source, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read", e);
        }
        return puzzles;
    }
}
