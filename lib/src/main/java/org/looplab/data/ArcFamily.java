package org.looplab.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.looplab.provenance.Seeds;

/**
 * LoopLab's own ARC-like family, small enough for a laptop: each task is one rule, drawn from mirrors and rotations
 * (the 7 dihedral maps that move cells) and recolourings of one colour, alone or after one of those maps, filling the inside of boxes, gravity in one of
 * four directions, and tiling a grid next to its mirror image. The held-out tasks are rules that no training task
 * has (the rule list is shuffled by the seed and cut in two), so, as on ARC, the model sees a held-out rule only
 * through that task's demonstration pairs.
 */
public final class ArcFamily {
    private ArcFamily() {}

    /** One rule of the family. {@code key} names it and is the task's id. */
    public sealed interface Rule {
        String key();

        /** The output for {@code in}. */
        Grid apply(Grid in);

        /** An input this rule changes in the way it is meant to (e.g. holding the colour it recolours). */
        Grid input(Random random, ArcFamilyConfig cfg);
    }

    /** A dihedral map, then colour {@code from} becomes {@code to} (0 and 0: no recolouring). */
    public record Reshape(Dihedral dihedral, int from, int to) implements Rule {
        public String key() {
            return dihedral.name().toLowerCase(java.util.Locale.ROOT)
                    + (from == 0 ? "" : "-recolour-" + from + "-" + to);
        }

        public Grid apply(Grid in) {
            Grid t = dihedral.apply(in);
            byte[] c = t.cells();
            for (int i = 0; i < c.length; i++) if (c[i] == from && from != 0) c[i] = (byte) to;
            return new Grid(t.rows(), t.cols(), c);
        }

        public Grid input(Random random, ArcFamilyConfig cfg) {
            Grid g = scatter(random, cfg, cfg.maxSide());
            if (from == 0) return g;
            byte[] c = g.cells();
            int placed = 1 + random.nextInt(3);
            for (int k = 0; k < placed; k++) c[random.nextInt(c.length)] = (byte) from;
            return new Grid(g.rows(), g.cols(), c);
        }
    }

    /** The inside of every box outline becomes {@code colour}. */
    public record FillBoxes(int colour) implements Rule {
        public String key() {
            return "fill-" + colour;
        }

        public Grid apply(Grid in) {
            byte[] c = in.cells();
            // A cell is inside when it is background and cannot reach the border through background.
            boolean[] outside = new boolean[c.length];
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            for (int r = 0; r < in.rows(); r++) {
                for (int k = 0; k < in.cols(); k++) {
                    boolean border = r == 0 || k == 0 || r == in.rows() - 1 || k == in.cols() - 1;
                    int i = r * in.cols() + k;
                    if (border && c[i] == 0 && !outside[i]) {
                        outside[i] = true;
                        queue.add(i);
                    }
                }
            }
            while (!queue.isEmpty()) {
                int i = queue.poll(), r = i / in.cols(), k = i % in.cols();
                int[][] next = {{r - 1, k}, {r + 1, k}, {r, k - 1}, {r, k + 1}};
                for (int[] n : next) {
                    if (n[0] < 0 || n[1] < 0 || n[0] >= in.rows() || n[1] >= in.cols()) continue;
                    int j = n[0] * in.cols() + n[1];
                    if (c[j] == 0 && !outside[j]) {
                        outside[j] = true;
                        queue.add(j);
                    }
                }
            }
            for (int i = 0; i < c.length; i++) if (c[i] == 0 && !outside[i]) c[i] = (byte) colour;
            return new Grid(in.rows(), in.cols(), c);
        }

        public Grid input(Random random, ArcFamilyConfig cfg) {
            int rows = Math.max(4, side(random, cfg, cfg.maxSide())), cols = side(random, cfg, cfg.maxSide());
            byte[] c = new byte[rows * cols];
            int outline = otherColour(random, colour);
            // One box of at least 3×3 (so it has an inside), anywhere in the grid, at least a row shorter than it.
            int h = 3 + random.nextInt(rows - 3), w = 3 + random.nextInt(cols - 2);
            int top = random.nextInt(rows - h + 1), left = random.nextInt(cols - w + 1);
            // Scattered cells of a third colour outside the box: without them a box in a small grid has so few forms
            // that different fill tasks share pairs once colours are permuted. A pocket they close is filled too (the
            // rule is "fill what the border cannot reach").
            int noise = otherColour(random, colour);
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < cols; k++) {
                    boolean edge = r == top || r == top + h - 1 || k == left || k == left + w - 1;
                    boolean inBox = r >= top && r < top + h && k >= left && k < left + w;
                    if (inBox && edge) c[r * cols + k] = (byte) outline;
                    else if (!inBox && random.nextInt(3) == 0) c[r * cols + k] = (byte) noise;
                }
            }
            return new Grid(rows, cols, c);
        }
    }

    /** Every coloured cell falls towards one side (down, up, left or right) until it rests. */
    public record Gravity(Dihedral towards) implements Rule {
        // Falling down, seen through a dihedral map: map, fall down, map back.
        public String key() {
            return "gravity-"
                    + switch (towards) {
                        case IDENTITY -> "down";
                        case FLIP_ROWS -> "up";
                        case TRANSPOSE -> "right";
                        default -> "left";
                    };
        }

        public Grid apply(Grid in) {
            Grid t = towards.apply(in);
            byte[] c = t.cells(), out = new byte[c.length];
            for (int k = 0; k < t.cols(); k++) {
                int bottom = t.rows() - 1;
                for (int r = t.rows() - 1; r >= 0; r--) {
                    if (c[r * t.cols() + k] != 0) out[(bottom--) * t.cols() + k] = c[r * t.cols() + k];
                }
            }
            return towards.inverse().apply(new Grid(t.rows(), t.cols(), out));
        }

        public Grid input(Random random, ArcFamilyConfig cfg) {
            return scatter(random, cfg, cfg.maxSide());
        }
    }

    /** The grid with its mirror image beside it (right of it, or below it): a copy of every object. */
    public record MirrorTile(boolean below) implements Rule {
        public String key() {
            return below ? "tile-mirror-below" : "tile-mirror-right";
        }

        public Grid apply(Grid in) {
            int rows = below ? 2 * in.rows() : in.rows(), cols = below ? in.cols() : 2 * in.cols();
            byte[] out = new byte[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < cols; k++) {
                    int sr = below && r >= in.rows() ? 2 * in.rows() - 1 - r : r;
                    int sk = !below && k >= in.cols() ? 2 * in.cols() - 1 - k : k;
                    out[r * cols + k] = (byte) in.get(sr, sk);
                }
            }
            return new Grid(rows, cols, out);
        }

        public Grid input(Random random, ArcFamilyConfig cfg) {
            return scatter(random, cfg, cfg.maxSide());
        }
    }

    /** A generated family: training tasks and held-out (evaluation) tasks, whose rules differ. */
    public record Tasks(
            List<ArcTask> training, List<ArcTask> evaluation, List<Rule> trainingRules, List<Rule> evaluationRules) {}

    /** Every rule of the family, in a fixed order. */
    public static List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        for (Dihedral d : Dihedral.values()) {
            if (d != Dihedral.IDENTITY) out.add(new Reshape(d, 0, 0)); // the identity alone changes nothing
            for (int from = 1; from <= 9; from++)
                for (int to = 1; to <= 9; to++) if (to != from) out.add(new Reshape(d, from, to));
        }
        for (int c = 1; c <= 9; c++) out.add(new FillBoxes(c));
        for (Dihedral d : List.of(Dihedral.IDENTITY, Dihedral.FLIP_ROWS, Dihedral.TRANSPOSE, Dihedral.ANTI_TRANSPOSE))
            out.add(new Gravity(d));
        out.add(new MirrorTile(false));
        out.add(new MirrorTile(true));
        return out;
    }

    /**
     * {@code evaluationTasks} held-out rules, then {@code trainingTasks} others, from the rule list shuffled by the
     * seed. Each kind of rule (reshape, fill, gravity, tile) is dealt in turn, so the small kinds are not crowded out
     * by the hundreds of recolourings.
     */
    public static Tasks generate(ArcFamilyConfig cfg, int trainingTasks, int evaluationTasks, long seed) {
        List<List<Rule>> kinds = new ArrayList<>();
        for (Rule r : rules()) {
            int k;
            if (r instanceof Reshape s) k = s.from() == 0 ? 0 : 1;
            else if (r instanceof FillBoxes) k = 2;
            else if (r instanceof Gravity) k = 3;
            else k = 4;
            while (kinds.size() <= k) kinds.add(new ArrayList<>());
            kinds.get(k).add(r);
        }
        Random order = Seeds.random(seed, "arc-family/rules");
        for (List<Rule> kind : kinds) java.util.Collections.shuffle(kind, order);
        List<Rule> dealt = new ArrayList<>();
        for (int i = 0; dealt.size() < rules().size(); i++)
            for (List<Rule> kind : kinds) if (i < kind.size()) dealt.add(kind.get(i));
        if (trainingTasks + evaluationTasks > dealt.size())
            throw new IllegalArgumentException("the family has " + dealt.size() + " rules; asked for " + trainingTasks
                    + " training and " + evaluationTasks + " held-out tasks");
        List<Rule> evaluation = dealt.subList(0, evaluationTasks);
        List<Rule> training = dealt.subList(evaluationTasks, evaluationTasks + trainingTasks);
        List<ArcTask> trainTasks =
                training.stream().map(r -> task(r, cfg, seed)).toList();
        List<ArcTask> heldOutTasks =
                evaluation.stream().map(r -> task(r, cfg, seed)).toList();
        // What training will hold, up to augmentation: every demonstration and the training tasks' test pairs.
        Set<String> trained = new HashSet<>();
        for (ArcTask t : trainTasks) {
            t.train().forEach(p -> trained.add(canonicalKey(p)));
            t.test().forEach(p -> trained.add(canonicalKey(p)));
        }
        for (ArcTask t : heldOutTasks) t.train().forEach(p -> trained.add(canonicalKey(p)));
        List<ArcTask> heldOut = new ArrayList<>();
        for (int i = 0; i < heldOutTasks.size(); i++)
            heldOut.add(withUnseenTests(heldOutTasks.get(i), evaluation.get(i), cfg, seed, trained));
        return new Tasks(trainTasks, heldOut, List.copyOf(training), List.copyOf(evaluation));
    }

    /**
     * The task with each test pair that training holds in some version (same pair up to a dihedral map and a
     * permutation of colours 1-9: small grids of other tasks can coincide) redrawn until it does not. So the held-out
     * pairs are held out by content, not only by task.
     */
    private static ArcTask withUnseenTests(
            ArcTask task, Rule rule, ArcFamilyConfig cfg, long seed, Set<String> trained) {
        Random random = Seeds.random(seed, "arc-family/" + rule.key() + "/unseen tests");
        List<ArcTask.Pair> tests = new ArrayList<>();
        for (ArcTask.Pair p : task.test()) {
            for (int tries = 0; trained.contains(canonicalKey(p)); tries++) {
                if (tries > 1000)
                    throw new IllegalStateException(rule.key() + ": cannot draw a test pair that training lacks");
                Grid in = rule.input(random, cfg);
                p = new ArcTask.Pair(in, rule.apply(in));
                if (p.output().equals(in)) p = task.train().get(0); // unchanged: a known pair, so drawn again
            }
            tests.add(p);
        }
        return new ArcTask(task.id(), task.train(), tests);
    }

    /**
     * A pair's key up to the augmentation group: over the 8 dihedral maps, the smallest text of the pair with colours
     * 1-9 renamed in order of first appearance (black stays 0, as the colour permutations keep it).
     */
    public static String canonicalKey(ArcTask.Pair pair) {
        String best = null;
        for (Dihedral d : Dihedral.values()) {
            Grid in = d.apply(pair.input()), out = d.apply(pair.output());
            byte[] rename = new byte[10];
            int next = 1;
            StringBuilder b = new StringBuilder();
            for (Grid g : List.of(in, out)) {
                b.append(g.rows()).append('x').append(g.cols()).append(':');
                for (byte c : g.cells()) {
                    if (c != 0 && rename[c] == 0) rename[c] = (byte) next++;
                    b.append((char) ('0' + (c == 0 ? 0 : rename[c])));
                }
                b.append('|');
            }
            String key = b.toString();
            if (best == null || key.compareTo(best) < 0) best = key;
        }
        return best;
    }

    /** The tasks of a catalogue family set ({@code arc-family}), as its build makes them. */
    public static Tasks of(DataSetSpec spec) {
        if (!(spec.generator() instanceof ArcFamilyConfig cfg))
            throw new IllegalArgumentException(spec.name() + ": not a generated ARC family");
        return generate(cfg, spec.trainCount(), spec.testCount(), spec.seed());
    }

    /** A task of {@code rule}: its pairs are drawn from (seed, rule), so a task is the same in any company. */
    public static ArcTask task(Rule rule, ArcFamilyConfig cfg, long seed) {
        Random random = Seeds.random(seed, "arc-family/" + rule.key());
        List<ArcTask.Pair> pairs = new ArrayList<>();
        java.util.Set<Grid> inputs = new java.util.HashSet<>();
        for (int tries = 0; pairs.size() < cfg.demos() + cfg.tests(); tries++) {
            if (tries > 1000)
                throw new IllegalStateException(rule.key() + ": cannot draw " + (cfg.demos() + cfg.tests())
                        + " distinct inputs that the rule changes");
            Grid in = rule.input(random, cfg);
            Grid out = rule.apply(in);
            // A pair the rule leaves unchanged teaches nothing about it (e.g. a symmetric grid under a mirror).
            if (!out.equals(in) && inputs.add(in)) pairs.add(new ArcTask.Pair(in, out));
        }
        return new ArcTask(rule.key(), pairs.subList(0, cfg.demos()), pairs.subList(cfg.demos(), pairs.size()));
    }

    /** A grid of 2-3 colours sprinkled on black at about a third of the cells; its width fits a doubling. */
    static Grid scatter(Random random, ArcFamilyConfig cfg, int maxSide) {
        int rows = side(random, cfg, maxSide), cols = side(random, cfg, maxSide);
        int[] palette = new int[2 + random.nextInt(2)];
        for (int i = 0; i < palette.length; i++) palette[i] = 1 + random.nextInt(9);
        byte[] c = new byte[rows * cols];
        for (int i = 0; i < c.length; i++)
            if (random.nextInt(3) == 0) c[i] = (byte) palette[random.nextInt(palette.length)];
        return new Grid(rows, cols, c);
    }

    private static int side(Random random, ArcFamilyConfig cfg, int maxSide) {
        return cfg.minSide() + random.nextInt(maxSide - cfg.minSide() + 1);
    }

    private static int otherColour(Random random, int not) {
        int c = 1 + random.nextInt(8);
        return c >= not ? c + 1 : c;
    }
}
