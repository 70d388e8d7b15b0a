package org.looplab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.looplab.analysis.HaltingStats;
import org.looplab.analysis.PuzzleTrajectory;

/** Every halting picture renders at its size with something drawn; the PNGs stay in target/ for a look. */
class HaltingPlotsTest {

    /** 30 synthetic puzzles, N_sup 8: puzzle i has i % 6 backtracks and halts (and becomes right) later the harder it is. */
    static HaltingStats synthetic() {
        List<PuzzleTrajectory> ps = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int bt = i % 6, rightFrom = 2 + bt; // 2..7
            float[] halt = new float[8];
            boolean[] right = new boolean[8];
            for (int k = 0; k < 8; k++) {
                halt[k] = Math.min(0.99f, 0.1f + 0.2f * Math.max(0, k + 2 - rightFrom));
                right[k] = k + 1 >= rightFrom && i % 7 != 0; // every 7th puzzle is never solved
            }
            ps.add(new PuzzleTrajectory(i, bt, 5, halt, right, new int[8], new int[8]));
        }
        return new HaltingStats("synthetic", "synthetic", 0.5, ps);
    }

    private static void check(String name, BufferedImage img, int w, int h) throws Exception {
        assertEquals(w, img.getWidth(), name);
        assertEquals(h, img.getHeight(), name);
        // Something besides background: count distinct colours in the middle of the plot.
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = w / 4; x < 3 * w / 4; x += 3)
            for (int y = h / 4; y < 3 * h / 4; y += 3) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() >= 3, name + ": only " + colours.size() + " colours in the plot area");
        Files.createDirectories(Path.of("target/halting-plots"));
        ImageIO.write(img, "png", Path.of("target/halting-plots", name + ".png").toFile());
    }

    @Test
    void allPicturesRender() throws Exception {
        HaltingStats s = synthetic();
        check("steps-by-difficulty", HaltingPlots.stepsByDifficulty(s), 720, 380);
        check("accuracy-by-max-steps", HaltingPlots.accuracyByMaxSteps(s), 720, 380);
        check("halt-trajectories", HaltingPlots.haltTrajectories(s, 5), 720, 380);
        check("savings", HaltingPlots.savings(s), 720, 340);
        check("reliability", HaltingPlots.reliability(s, 10), 520, 480);
    }
}
