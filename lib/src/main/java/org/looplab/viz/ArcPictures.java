package org.looplab.viz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.looplab.analysis.ArcEvaluation;
import org.looplab.analysis.ArcVoting;
import org.looplab.data.ArcAugment;
import org.looplab.data.ArcTask;
import org.looplab.data.Dihedral;

/** ARC pictures beyond single tasks ({@link GridPictures#arcTask}): a task's augmented versions, and a vote. */
public final class ArcPictures {
    private ArcPictures() {}

    /** The first demonstration pair of each version of {@code task}, one version per row, titled by its transform. */
    public static BufferedImage versions(ArcTask task, List<ArcAugment> augments) {
        List<BufferedImage> rows = new ArrayList<>();
        for (ArcAugment a : augments) {
            ArcTask.Pair p = a.apply(task).train().get(0);
            rows.add(GridPictures.row(
                    List.of(describe(a), "→"), List.of(GridPictures.arc(p.input()), GridPictures.arc(p.output()))));
        }
        return stack(rows);
    }

    /**
     * One held-out test pair: its input and true output, then the {@code top} candidates of the vote (mapped back to
     * the original frame), each titled with its rank, votes, mean halt probability and whether it is right.
     */
    public static BufferedImage votes(ArcEvaluation.PairVotes pair, int top) {
        List<String> titles = new ArrayList<>(List.of(pair.task() + " input", "true output"));
        List<BufferedImage> images =
                new ArrayList<>(List.of(GridPictures.arc(pair.input()), GridPictures.arc(pair.truth())));
        for (int i = 0; i < Math.min(top, pair.ranked().size()); i++) {
            ArcVoting.Candidate c = pair.ranked().get(i);
            titles.add(String.format(
                    Locale.ROOT,
                    "#%d: %d/%d votes, q %.2f %s",
                    i + 1,
                    c.votes(),
                    pair.versions(),
                    c.meanHaltProbability(),
                    c.answer().equals(pair.truth()) ? "right" : "wrong"));
            images.add(GridPictures.arc(c.answer()));
        }
        if (pair.ranked().isEmpty()) {
            titles.add("no readable answer");
            images.add(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        }
        return GridPictures.row(titles, images);
    }

    private static String describe(ArcAugment a) {
        StringBuilder colours = new StringBuilder();
        for (int c = 1; c <= 9; c++) colours.append(a.colourMap()[c]);
        return (a.dihedral() == Dihedral.IDENTITY
                        ? "original"
                        : a.dihedral().name().toLowerCase(Locale.ROOT)) + ", colours 1-9 → " + colours;
    }

    private static BufferedImage stack(List<BufferedImage> rows) {
        int w = rows.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = rows.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        int y = 0;
        for (BufferedImage r : rows) {
            g.drawImage(r, 0, y, null);
            y += r.getHeight();
        }
        g.dispose();
        return img;
    }
}
