package org.looplab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Sudoku-Extreme's CSV files ({@code train.csv}, {@code test.csv} of the {@code sapientinc/sudoku-extreme}
 * data set): a header {@code source,question,answer,rating}, then one 9×9 puzzle per row, {@code .} for blanks.
 * Each answer is checked to be a solved grid that keeps the question's givens (cheap; solving millions is not).
 */
public final class SudokuExtremeCsv {
    private SudokuExtremeCsv() {}

    /** One row: where the puzzle came from, the puzzle, its solution and its rating (difficulty). */
    public record Row(String source, Sudoku question, Sudoku answer, int rating) {}

    public static final String HEADER = "source,question,answer,rating";

    public static List<Row> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }

    public static List<Row> read(BufferedReader in, String source) {
        List<Row> rows = new ArrayList<>();
        try {
            String header = in.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(
                        source + " line 1: header must be '" + HEADER + "', was '" + header + "'");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != 4)
                    throw new IllegalArgumentException(
                            source + " line " + number + ": " + f.length + " fields, expected 4 (" + HEADER + ")");
                Sudoku q = SudokuText.parse(f[1], source, number);
                Sudoku a = SudokuText.parse(f[2], source, number);
                if (!SudokuRules.solves(a, q)) {
                    throw new IllegalArgumentException(
                            source + " line " + number + ": answer does not solve the question");
                }
                int rating;
                try {
                    rating = Integer.parseInt(f[3].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            source + " line " + number + ": rating '" + f[3] + "' is not an integer");
                }
                rows.add(new Row(f[0], q, a, rating));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read", e);
        }
        return rows;
    }
}
