package org.looplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.looplab.Profile;

class ArcFamilyTest {

    static final ArcFamilyConfig SMALL = new ArcFamilyConfig(10, 3, 5, 3, 1, 2, true);

    @Test
    void rulesDoWhatTheirNamesSay() {
        Grid g = Grid.of(new int[][] {{1, 0, 0}, {0, 2, 0}, {3, 0, 0}});
        assertEquals(
                Grid.of(new int[][] {{0, 0, 0}, {1, 0, 0}, {3, 2, 0}}),
                new ArcFamily.Gravity(Dihedral.IDENTITY).apply(g));
        assertEquals("gravity-down", new ArcFamily.Gravity(Dihedral.IDENTITY).key());
        assertEquals(
                Grid.of(new int[][] {{1, 2, 0}, {3, 0, 0}, {0, 0, 0}}),
                new ArcFamily.Gravity(Dihedral.FLIP_ROWS).apply(g));
        assertEquals(
                Grid.of(new int[][] {{0, 0, 1}, {0, 0, 2}, {0, 0, 3}}),
                new ArcFamily.Gravity(Dihedral.TRANSPOSE).apply(g));
        assertEquals("gravity-right", new ArcFamily.Gravity(Dihedral.TRANSPOSE).key());
        assertEquals(
                Grid.of(new int[][] {{1, 0, 0, 0, 0, 1}, {0, 2, 0, 0, 2, 0}, {3, 0, 0, 0, 0, 3}}),
                new ArcFamily.MirrorTile(false).apply(g));
        assertEquals(
                Grid.of(new int[][] {{0, 0, 1}, {0, 5, 0}, {0, 0, 3}}),
                new ArcFamily.Reshape(Dihedral.FLIP_COLS, 2, 5).apply(g));
        Grid box = Grid.of(new int[][] {{0, 0, 0, 0, 0}, {0, 7, 7, 7, 0}, {0, 7, 0, 7, 0}, {0, 7, 7, 7, 0}});
        assertEquals(
                Grid.of(new int[][] {{0, 0, 0, 0, 0}, {0, 7, 7, 7, 0}, {0, 7, 4, 7, 0}, {0, 7, 7, 7, 0}}),
                new ArcFamily.FillBoxes(4).apply(box));
    }

    @Test
    void heldOutTasksAreRulesNoTrainingTaskHasAndEveryPairFollowsItsRule() {
        ArcFamily.Tasks t = ArcFamily.generate(SMALL, 40, 12, 5);
        assertEquals(40, t.training().size());
        assertEquals(12, t.evaluation().size());
        Set<String> train = new HashSet<>();
        t.trainingRules().forEach(r -> train.add(r.key()));
        for (ArcFamily.Rule r : t.evaluationRules()) assertTrue(!train.contains(r.key()), r.key());
        // Every kind of rule appears among the first tasks dealt (not only recolourings).
        Set<Class<?>> kinds = new HashSet<>();
        t.evaluationRules().forEach(r -> kinds.add(r.getClass()));
        t.trainingRules().forEach(r -> kinds.add(r.getClass()));
        assertEquals(4, kinds.size(), kinds.toString());
        List<ArcFamily.Rule> rules = new java.util.ArrayList<>(t.trainingRules());
        rules.addAll(t.evaluationRules());
        List<ArcTask> tasks = new java.util.ArrayList<>(t.training());
        tasks.addAll(t.evaluation());
        for (int i = 0; i < tasks.size(); i++) {
            ArcTask task = tasks.get(i);
            assertEquals(rules.get(i).key(), task.id());
            assertEquals(3, task.train().size());
            assertEquals(1, task.test().size());
            for (ArcTask.Pair p : task.train()) {
                assertEquals(rules.get(i).apply(p.input()), p.output(), task.id());
                assertNotEquals(p.input(), p.output(), task.id());
                assertTrue(p.output().rows() <= SMALL.canvas() && p.output().cols() <= SMALL.canvas());
            }
        }
    }

    @Test
    void aPairsKeyIgnoresTheAugmentationAndNothingElse() {
        ArcTask.Pair p =
                new ArcTask.Pair(Grid.of(new int[][] {{1, 0, 2}, {0, 3, 0}}), Grid.of(new int[][] {{2, 0, 1}, {0, 3, 0}
                }));
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20; i++) {
            ArcAugment a = ArcAugment.random(random);
            assertEquals(
                    ArcFamily.canonicalKey(p),
                    ArcFamily.canonicalKey(new ArcTask.Pair(a.apply(p.input()), a.apply(p.output()))),
                    a.toString());
        }
        ArcTask.Pair other = new ArcTask.Pair(p.input(), Grid.of(new int[][] {{2, 0, 1}, {0, 1, 0}}));
        assertNotEquals(ArcFamily.canonicalKey(p), ArcFamily.canonicalKey(other));
    }

    @Test
    void theCpuSetHoldsNoHeldOutPairInAnyVersionOfTraining() {
        // Small grids of different fill or recolour tasks can coincide up to augmentation; the family redraws them.
        PuzzleSplits cpu = PuzzleDataSets.build("arc-family", Profile.CPU);
        assertEquals((96 * 4 + 32 * 3) * 9, cpu.train().count());
        assertEquals(32 * 9, cpu.test().count());
        assertTrue(ArcDataSets.leakedTestRows(cpu).isEmpty());
    }

    @Test
    void theCatalogueSetIsFixedByItsSeedAndHoldsNoTestPairInTraining() {
        DataSetSpec spec = PuzzleDataSets.spec("arc-family", Profile.SMOKE);
        PuzzleSplits a = PuzzleDataSets.build(spec);
        assertEquals(a.sha256(), PuzzleDataSets.build(spec).sha256());
        assertNotEquals(
                a.sha256(), PuzzleDataSets.build(spec.withSeed(spec.seed() + 1)).sha256());
        assertEquals(PuzzleKind.ARC, a.train().kind());
        assertEquals(100, a.train().seqLen());
        // 8 training + 4 held-out tasks, each 1 + 2 versions; train: 3 demos each, plus the training tasks' test pair
        ArcVersions table = ArcVersions.of(a);
        assertEquals(12 * 3, table.versions().size());
        assertEquals(8 * 3 * 4 + 4 * 3 * 3, a.train().count());
        assertEquals(4 * 3, a.test().count());
        assertTrue(ArcDataSets.leakedTestRows(a).isEmpty());
        Set<String> heldOut = new HashSet<>();
        for (int i = 0; i < a.test().count(); i++)
            heldOut.add(table.version(a.test().puzzleIdentifier(i)).task());
        assertEquals(4, heldOut.size());
    }
}
