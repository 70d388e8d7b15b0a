package org.looplab.data;

import java.util.List;

/**
 * The one text form of a maze, in Maze-Hard's characters: rows joined by newlines, {@code #} wall, space open,
 * {@code S} start, {@code G} goal, {@code o} path. Reading also takes {@code .} for open (easier to type in JSON);
 * writing a model's answer shows a pad or out-of-range token as {@code ?}, so a malformed answer stays visible.
 */
public final class MazeText {
    private MazeText() {}

    private static final String CHARS = "?# SGo";

    /** What is wrong with a text that is not a maze; the caller maps it to its own error (an MCP code, an exit). */
    public enum Problem {
        NOT_SQUARE,
        ILLEGAL_CHARACTER,
        NOT_A_MAZE
    }

    /** A text that is not a maze, naming the row and column (counted from 1) where it is wrong. */
    public static final class ParseException extends IllegalArgumentException {
        private final Problem problem;

        ParseException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Reads a square maze; blank lines are skipped. Start and goal must appear exactly once. */
    public static Maze parse(String text) {
        List<String> rows = text.lines().filter(l -> !l.isEmpty()).toList();
        int n = rows.size();
        byte[] cells = new byte[n * n];
        for (int r = 0; r < n; r++) {
            String row = rows.get(r);
            if (row.length() != n)
                throw new ParseException(
                        Problem.NOT_SQUARE,
                        "maze row " + (r + 1) + " has " + row.length() + " characters; a maze is square, " + n
                                + " rows of " + n);
            for (int c = 0; c < n; c++) {
                char ch = row.charAt(c);
                cells[r * n + c] = switch (ch) {
                    case '#' -> Maze.WALL;
                    case ' ', '.' -> Maze.OPEN;
                    case 'S' -> Maze.START;
                    case 'G' -> Maze.GOAL;
                    default ->
                        throw new ParseException(
                                Problem.ILLEGAL_CHARACTER,
                                "illegal character '" + ch + "' at row " + (r + 1) + ", column " + (c + 1)
                                        + "; a maze uses # (wall), space or . (open), S, G");
                };
            }
        }
        try {
            return new Maze(n, cells);
        } catch (IllegalArgumentException e) {
            throw new ParseException(Problem.NOT_A_MAZE, e.getMessage());
        }
    }

    /** Tokens of an {@code n×n} grid as text; a token outside the vocabulary shows as {@code ?}. */
    public static String format(byte[] tokens, int n) {
        StringBuilder sb = new StringBuilder(n * (n + 1));
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0 && i % n == 0) sb.append('\n');
            int t = tokens[i];
            sb.append(t >= 0 && t < CHARS.length() ? CHARS.charAt(t) : '?');
        }
        return sb.toString();
    }
}
