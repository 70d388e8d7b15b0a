package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.looplab.provenance.RunFolder;

/** Which runs are seeds of one recipe, on the plateau pilot's committed manifests. */
class RunRecipeTest {

    private static final Path PLATEAU = Path.of("../data/results/plateau-sudoku9");

    private static RunManifest manifest(String arm) {
        return RunManifest.read(RunFolder.of(PLATEAU.resolve(arm)));
    }

    @Test
    void seedsOfOneArmShareARecipeAndTheOtherArmDoesNot() {
        RunRecipe s0 = RunRecipe.of(manifest("cosine-s0"));
        RunRecipe s1 = RunRecipe.of(manifest("cosine-s1"));
        RunRecipe s2 = RunRecipe.of(manifest("cosine-s2"));
        assertEquals(s0.sha256(), s1.sha256());
        assertEquals(s0.sha256(), s2.sha256());
        assertEquals(List.of(0L, 1L, 2L), List.of(s0.seed(), s1.seed(), s2.seed()));
        assertEquals(
                "sudoku9-mixed trm-mlp n 1, T 1, width 64, 3000 steps, lr 0.001 → 0×, from start (params de37f64153)",
                s0.label());

        // The constant arm differs in its schedule alone.
        RunRecipe constant = RunRecipe.of(manifest("constant-s0"));
        assertNotEquals(s0.sha256(), constant.sha256());
        assertTrue(constant.label().endsWith("lr 0.001, from start (params de37f64153)"), constant.label());
        // 30,000 training puzzles: another data set build.
        assertNotEquals(s0.sha256(), RunRecipe.of(manifest("cosine30k-s0")).sha256());
    }

    @Test
    void aMovedSourceIsTheSameStartAndOtherWeightsAreNot() {
        RunManifest run = manifest("cosine-s0");
        WarmStart start = WarmStart.recordedIn(run.deviations()).orElseThrow();
        WarmStart moved = new WarmStart(Path.of("elsewhere/start-copy"), start.paramsSha256(), start.sourceSteps());
        WarmStart other = new WarmStart(start.source(), "0".repeat(64), start.sourceSteps());
        assertEquals(
                RunRecipe.of(run).sha256(), RunRecipe.of(withStart(run, moved)).sha256());
        assertNotEquals(
                RunRecipe.of(run).sha256(), RunRecipe.of(withStart(run, other)).sha256());
        assertNotEquals(
                RunRecipe.of(run).sha256(), RunRecipe.of(withStart(run, null)).sha256(), "from scratch");
    }

    private static RunManifest withStart(RunManifest run, WarmStart start) {
        List<String> lines = new ArrayList<>();
        for (String d : run.deviations()) if (!d.startsWith(WarmStart.PREFIX)) lines.add(d);
        if (start != null) lines.add(start.note());
        return new RunManifest(
                run.kind(),
                run.id(),
                run.profile(),
                run.seed(),
                run.steps(),
                run.seconds(),
                run.config(),
                run.data(),
                run.code(),
                lines,
                run.runtime(),
                run.results(),
                run.files());
    }
}
