package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;
import org.looplab.data.ArcTask;
import org.looplab.data.ArcTasks;
import org.looplab.data.Grid;
import org.looplab.data.Maze;
import org.looplab.data.MazeGenerator;
import org.looplab.data.MazeGeneratorConfig;
import org.looplab.data.PuzzleDataSets;
import org.looplab.data.PuzzleSplits;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.data.SudokuTransform;
import tech.tablesaw.api.Table;

class GridPicturesTest {

    @Test
    void sudokuShowsGivensAndFilledDigitsInDifferentColours() {
        var g = new SudokuGenerator(SudokuGeneratorConfig.minimal(4)).generate(1, 0);
        BufferedImage puzzle = GridPictures.sudoku(g.puzzle());
        BufferedImage solved = GridPictures.sudoku(g.puzzle(), g.solution());
        assertEquals(4 * 44 + 8, puzzle.getWidth());
        // The solved picture has blue text pixels the bare puzzle lacks.
        assertTrue(countBlueish(solved) > countBlueish(puzzle) + 50);
        BufferedImage pair = GridPictures.augmentation(
                g.puzzle(), g.solution(), SudokuTransform.random(g.puzzle().shape(), new Random(1)));
        assertTrue(pair.getWidth() > 2 * solved.getWidth());
    }

    private static int countBlueish(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF, b = rgb & 0xFF;
                if (b > 150 && r < 120) n++;
            }
        }
        return n;
    }

    @Test
    void mazeAndArcCellsHaveTheirColours() {
        Maze label =
                new MazeGenerator(MazeGeneratorConfig.hard(11)).generate(1, 0).label();
        BufferedImage m = GridPictures.maze(label);
        int cell = m.getWidth() / 11;
        for (int i = 0; i < 121; i++) {
            int rgb = m.getRGB((i % 11) * cell + cell / 2, (i / 11) * cell + cell / 2) & 0xFFFFFF;
            if (label.get(i) == Maze.PATH) assertEquals(0xF4B942, rgb);
            if (label.get(i) == Maze.WALL) assertEquals(0x2B2B2B, rgb);
        }
        Grid grid = new Grid(1, 10, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        BufferedImage a = GridPictures.arc(grid);
        int c = (a.getWidth() - 1) / 10;
        for (int k = 0; k < 10; k++) {
            assertEquals(GridPictures.ARC_PALETTE[k].getRGB() & 0xFFFFFF, a.getRGB(k * c + c / 2, c / 2) & 0xFFFFFF);
        }
        ArcTask task = ArcTasks.read(Path.of("../data/fixtures/arc/fill-box.json"));
        BufferedImage t = GridPictures.arcTask(task);
        assertTrue(t.getHeight()
                > 3 * GridPictures.arc(task.train().get(0).input()).getHeight());
    }

    @Test
    void histogramAndStatisticsTable() {
        PuzzleSplits s = PuzzleDataSets.build("sudoku6", Profile.SMOKE);
        BufferedImage h = Charts.png(DataSetViews.difficultyHistogram(s));
        assertEquals(640, h.getWidth());
        Table t = DataSetViews.statistics(List.of(s));
        assertEquals(1, t.rowCount());
        assertEquals(64, t.intColumn("train").getInt(0));
        String html = HtmlTables.of(t);
        assertTrue(html.contains("<td>sudoku6</td>") && html.contains(s.sha256().substring(0, 12)), html);
        assertEquals(
                List.of("0", "1", "2-3", "4-7", "8-15", "16-20"),
                DataSetViews.bins(0, 20).stream()
                        .map(b -> b[0] == b[1] ? "" + b[0] : b[0] + "-" + b[1])
                        .toList());
    }
}
