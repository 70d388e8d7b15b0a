package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.Checkpoint;
import org.looplab.model.TrmConfig;

/**
 * A staged model's lineage is found from its last stage alone, its curve is joined on one axis, and a source that was
 * trained again after the next stage started from it breaks the lineage with an error instead of a wrong curve.
 */
class TrainingLineageTest {

    private static void train(Path folder, long steps, long seed, Path data, Path from) {
        TrainConfig recipe = ExactResumeTest.recipe(steps);
        try (TrainingRun run = from == null
                ? TrainingRun.start(TrmConfig.TINY_MLP, recipe, PuzzleTask.SUDOKU4, Profile.SMOKE, seed, data, folder)
                : TrainingRun.startFrom(from, recipe, PuzzleTask.SUDOKU4, Profile.SMOKE, seed, data, folder)) {
            run.train(TrainingListener.NONE, null, null);
        }
    }

    @Test
    void threeStagesAreFoundFromTheLastAndTheirCurvesJoinOnOneAxis(@TempDir Path tmp) {
        Path data = tmp.resolve("data"), a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
        train(a, 4, 1, data, null);
        train(b, 3, 2, data, a);
        train(c, 2, 3, data, b);

        TrainingLineage lineage = TrainingLineage.of(c, tmp.resolve("elsewhere")); // recorded paths are absolute here
        assertEquals(List.of(a, b, c), lineage.stages());

        List<TrainingMetrics> joined = lineage.history();
        assertEquals(4 + 3 + 2, joined.size()); // a line per step (logEvery 1)
        for (int i = 0; i < joined.size(); i++) {
            assertEquals(i + 1, joined.get(i).step(), "steps counted on across stages");
            if (i > 0) assertTrue(joined.get(i).seconds() >= joined.get(i - 1).seconds(), "seconds only grow");
        }
        List<TrainingMetrics> ownOfB = new MetricsLog(b.resolve("metrics.jsonl")).history();
        List<TrainingMetrics> ownOfA = new MetricsLog(a.resolve("metrics.jsonl")).history();
        double aSeconds = ownOfA.get(ownOfA.size() - 1).seconds();
        assertEquals(ownOfB.get(0).seconds() + aSeconds, joined.get(4).seconds(), 1e-9);
        assertEquals(ownOfB.get(0).loss(), joined.get(4).loss(), "a line's values are the stage's own");

        assertEquals(List.of(a), TrainingLineage.of(a, tmp).stages(), "a run from scratch is a lineage of one");
    }

    @Test
    void theShippedNineByNineModelIsThreeStagesOf54000Steps() {
        Path cosine = RunManifestTest.SHIPPED.resolve("trm-mlp-sudoku9-mixed-cosine");
        TrainingLineage lineage = TrainingLineage.of(cosine, Path.of("..")); // its sources were named from the root
        assertEquals(
                List.of("trm-mlp-sudoku9-mixed", "trm-mlp-sudoku9-mixed-long", "trm-mlp-sudoku9-mixed-cosine"),
                lineage.stages().stream().map(p -> p.getFileName().toString()).toList());
        List<TrainingMetrics> joined = lineage.history();
        assertEquals(12_000 + 36_000 + 6_000, joined.get(joined.size() - 1).step());

        List<TrainingLineage.HeldOutPoint> curve = lineage.heldOutCurve();
        long checks = joined.stream().filter(m -> !Double.isNaN(m.evalExact())).count();
        assertEquals(checks, curve.size(), "every held-out check, and only those");
        assertEquals(3, curve.get(curve.size() - 1).stage());
        assertEquals("sudoku9-mixed", curve.get(0).data());
        assertEquals(
                joined.get(joined.size() - 1).seconds() / 3600,
                curve.get(curve.size() - 1).hours(),
                1e-9,
                "the last check is at the lineage's end");
    }

    @Test
    void aSourceTrainedAgainSinceBreaksTheLineageByName(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data"), a = tmp.resolve("a"), b = tmp.resolve("b"), other = tmp.resolve("other");
        train(a, 3, 1, data, null);
        train(b, 2, 2, data, a);
        train(other, 3, 9, data, null);
        for (String file : List.of(Checkpoint.PARAMS_FILE, Checkpoint.CONFIG_FILE, "SHA256SUMS")) {
            Files.copy(
                    other.resolve("model").resolve(file),
                    a.resolve("model").resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }

        var e = assertThrows(IllegalArgumentException.class, () -> TrainingLineage.of(b, tmp));
        assertTrue(e.getMessage().contains("trained again since"), e.getMessage());
        assertTrue(e.getMessage().contains(a.toString()), e.getMessage());
    }

    @Test
    void theWarmStartLineReadsBackAsTheRecordThatWroteIt() {
        String sha = "0d888c18b8ad745306d63de50499e213c1019c29f30db9d09c42d1b3f430fb63";
        WarmStart fromRun = new WarmStart(Path.of("data/checkpoints/trm-mlp-sudoku9-mixed (copy)"), sha, 12000);
        WarmStart fromBare = new WarmStart(Path.of("models/bare"), sha, -1);
        assertEquals(Optional.of(fromRun), WarmStart.recordedIn(List.of("batchSize 64, paper 768", fromRun.note())));
        assertEquals(Optional.of(fromBare), WarmStart.recordedIn(List.of(fromBare.note())));
        assertEquals(Optional.empty(), WarmStart.recordedIn(List.of("batchSize 64, paper 768")));

        var e = assertThrows(
                IllegalArgumentException.class,
                () -> WarmStart.recordedIn(List.of(WarmStart.PREFIX + "somewhere, by hand")));
        assertTrue(e.getMessage().contains("somewhere, by hand"), e.getMessage());
    }
}
