package org.looplab.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.looplab.data.ArcTask;
import org.looplab.data.Grid;
import org.looplab.data.Maze;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuShape;
import org.looplab.data.SudokuTransform;

/**
 * Puzzles as pictures (plain Java2D, no chart library): Sudoku with givens in bold black and filled-in digits in
 * blue, mazes with their path, ARC grids in the standard ARC palette. A notebook shows them with {@code display(img)}.
 */
public final class GridPictures {
    private GridPictures() {}

    /** The palette of the ARC viewer: 0 black, 1 blue, 2 red, 3 green, 4 yellow, 5 grey, 6 magenta, 7 orange, 8 azure, 9 maroon. */
    public static final Color[] ARC_PALETTE = {
        new Color(0x000000), new Color(0x0074D9), new Color(0xFF4136), new Color(0x2ECC40), new Color(0xFFDC00),
        new Color(0xAAAAAA), new Color(0xF012BE), new Color(0xFF851B), new Color(0x7FDBFF), new Color(0x870C25)
    };

    private static final Color GIVEN = new Color(0x111111);
    private static final Color FILLED = new Color(0x1F5FBF);
    private static final Color WALL = new Color(0x2B2B2B);
    private static final Color OPEN = Color.WHITE;
    private static final Color PATH = new Color(0xF4B942);
    private static final Color START = new Color(0x2ECC40);
    private static final Color GOAL = new Color(0xE8384F);
    private static final int TITLE = 22;

    /** A puzzle alone: givens in bold black. */
    public static BufferedImage sudoku(Sudoku puzzle) {
        return sudoku(puzzle, null);
    }

    /** A puzzle with its solution: givens bold black, the digits the solver filled in blue; box lines thicker. */
    public static BufferedImage sudoku(Sudoku puzzle, Sudoku solution) {
        SudokuShape shape = puzzle.shape();
        int side = shape.side();
        int cell = side == 9 ? 32 : 44;
        int pad = 4;
        int size = side * cell + 2 * pad;
        BufferedImage img = canvas(size, size);
        Graphics2D g = graphics(img);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, cell * 6 / 10);
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, cell * 6 / 10);
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int given = puzzle.get(r, c);
                int shown = given != 0 ? given : solution == null ? 0 : solution.get(r, c);
                if (shown == 0) continue;
                g.setFont(given != 0 ? bold : plain);
                g.setColor(given != 0 ? GIVEN : FILLED);
                centre(g, String.valueOf(shown), pad + c * cell, pad + r * cell, cell, cell);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        for (int i = 0; i <= side; i++) {
            g.drawLine(pad + i * cell, pad, pad + i * cell, pad + side * cell);
            g.drawLine(pad, pad + i * cell, pad + side * cell, pad + i * cell);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        for (int i = 0; i <= side; i += shape.boxCols())
            g.drawLine(pad + i * cell, pad, pad + i * cell, pad + side * cell);
        for (int i = 0; i <= side; i += shape.boxRows())
            g.drawLine(pad, pad + i * cell, pad + side * cell, pad + i * cell);
        g.dispose();
        return img;
    }

    /**
     * Row {@code i} of a data set: a Sudoku drawn as puzzle with its solution filled in, a maze as input and label
     * side by side.
     */
    public static BufferedImage example(PuzzleDataSet set, int i) {
        return switch (set.kind()) {
            case SUDOKU -> {
                SudokuShape shape = SudokuShape.ofSide(set.side());
                yield sudoku(SudokuEncoding.decode(set.input(i), shape), SudokuEncoding.decode(set.label(i), shape));
            }
            case MAZE ->
                row(
                        List.of("maze", "label: a shortest path (" + set.difficulty(i) + " steps)"),
                        List.of(maze(new Maze(set.side(), set.input(i))), maze(new Maze(set.side(), set.label(i)))));
            default ->
                throw new IllegalArgumentException(
                        set.name() + ": pictures of " + set.kind() + " rows need the task grids (arcTask)");
        };
    }

    /** A puzzle and solution before and after one augmentation, side by side. */
    public static BufferedImage augmentation(Sudoku puzzle, Sudoku solution, SudokuTransform t) {
        return row(
                List.of("before", "after augmentation"),
                List.of(sudoku(puzzle, solution), sudoku(t.apply(puzzle), t.apply(solution))));
    }

    /** A maze or a label: walls dark, start green, goal red, path cells amber. */
    public static BufferedImage maze(Maze maze) {
        int n = maze.size();
        int cell = Math.max(8, 360 / n);
        BufferedImage img = canvas(n * cell, n * cell);
        Graphics2D g = graphics(img);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                g.setColor(
                        switch (maze.get(r, c)) {
                            case Maze.WALL -> WALL;
                            case Maze.START -> START;
                            case Maze.GOAL -> GOAL;
                            case Maze.PATH -> PATH;
                            default -> OPEN;
                        });
                g.fillRect(c * cell, r * cell, cell, cell);
            }
        }
        g.dispose();
        return img;
    }

    /** An ARC grid in the ARC palette with thin grey cell borders. */
    public static BufferedImage arc(Grid grid) {
        int cell = Math.max(8, Math.min(28, 300 / Math.max(grid.rows(), grid.cols())));
        BufferedImage img = canvas(grid.cols() * cell + 1, grid.rows() * cell + 1);
        Graphics2D g = graphics(img);
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                g.setColor(ARC_PALETTE[grid.get(r, c)]);
                g.fillRect(c * cell, r * cell, cell, cell);
                g.setColor(new Color(0x555555));
                g.drawRect(c * cell, r * cell, cell, cell);
            }
        }
        g.dispose();
        return img;
    }

    /** Input → output. */
    public static BufferedImage arcPair(ArcTask.Pair pair) {
        List<BufferedImage> images = new ArrayList<>(List.of(arc(pair.input())));
        List<String> titles = new ArrayList<>(List.of("input"));
        if (pair.hasOutput()) {
            images.add(arc(pair.output()));
            titles.add("output");
        }
        return row(titles, images);
    }

    /** Every demonstration pair, then the test pairs, one pair per row. */
    public static BufferedImage arcTask(ArcTask task) {
        List<BufferedImage> rows = new ArrayList<>();
        for (ArcTask.Pair p : task.train()) rows.add(arcPair(p));
        for (ArcTask.Pair p : task.test()) rows.add(arcPair(p));
        int w = rows.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = rows.stream().mapToInt(BufferedImage::getHeight).sum() + TITLE;
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(
                task.id() + ": " + task.train().size() + " demonstrations, then "
                        + task.test().size() + " test",
                4,
                16);
        int y = TITLE;
        for (BufferedImage r : rows) {
            g.drawImage(r, 0, y, null);
            y += r.getHeight();
        }
        g.dispose();
        return img;
    }

    /** Images side by side, each with a title above it. */
    public static BufferedImage row(List<String> titles, List<BufferedImage> images) {
        if (titles.size() != images.size())
            throw new IllegalArgumentException(titles.size() + " titles for " + images.size() + " images");
        int gap = 16;
        int w = images.stream().mapToInt(BufferedImage::getWidth).sum() + gap * (images.size() + 1);
        int h = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1) + TITLE + gap;
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int x = gap;
        for (int i = 0; i < images.size(); i++) {
            g.drawString(titles.get(i), x, 16);
            g.drawImage(images.get(i), x, TITLE, null);
            x += images.get(i).getWidth() + gap;
        }
        g.dispose();
        return img;
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static void centre(Graphics2D g, String s, int x, int y, int w, int h) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x + (w - fm.stringWidth(s)) / 2, y + (h - fm.getHeight()) / 2 + fm.getAscent());
    }
}
