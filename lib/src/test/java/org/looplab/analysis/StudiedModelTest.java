package org.looplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Profile;
import org.looplab.data.PuzzleSplits;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.RunFolder;
import org.looplab.train.ExampleRunManifest;

/** Finding the model and its test set: bare checkpoints, training-run folders, and a run's own data profile. */
class StudiedModelTest {

    private static void runFolder(Path run, String dataName, Profile profile, String trainSha) {
        RunFolder folder = new RunFolder(run);
        try (ReasoningModel m = TrmConfig.TINY_MLP.build(TaskShape.sudoku(4), 2)) {
            m.save(folder.model());
        }
        ExampleRunManifest.of("r1", dataName, profile, trainSha).writeInto(run);
    }

    @Test
    void aRunFolderGivesItsModelAndItsOwnDataSetAndProfile(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        runFolder(run, "sudoku4", Profile.SMOKE, "feed");
        org.looplab.data.DataSetFolder.buildIfAbsent("sudoku4", Profile.SMOKE, tmp);
        // Asked for under the cpu profile, the run's smoke split is used: another profile reserves other test classes.
        try (StudiedModel s = StudiedModel.load(run, null, Profile.CPU, tmp)) {
            assertTrue(s.trained());
            assertEquals("smoke", s.data().manifest().profile());
            assertEquals(32, s.data().test().count());
            assertTrue(s.description().contains("(run r1)"), s.description());
            assertEquals("feed", s.trainSha256());
        }
    }

    @Test
    void evaluatingOnTheTrainingSetIsRefused(@TempDir Path tmp) throws Exception {
        PuzzleSplits data = org.looplab.data.DataSetFolder.buildIfAbsent("sudoku4", Profile.SMOKE, tmp);
        Path run = tmp.resolve("run");
        runFolder(run, "sudoku4", Profile.SMOKE, data.test().contentHash()); // as if it had trained on the test split
        var e = assertThrows(IllegalArgumentException.class, () -> StudiedModel.load(run, null, Profile.SMOKE, tmp));
        assertTrue(e.getMessage().contains("training set"), e.getMessage());
    }

    @Test
    void aBareCheckpointFindsTheDataSetByItsTask() {
        assertEquals("sudoku4", StudiedModel.dataSetFor(TaskShape.sudoku(4), Profile.SMOKE));
        assertEquals("sudoku9-hard", StudiedModel.dataSetFor(TaskShape.sudoku9(), Profile.SMOKE));
        assertEquals("maze11", StudiedModel.dataSetFor(TaskShape.maze(11), Profile.SMOKE));
        assertThrows(IllegalArgumentException.class, () -> StudiedModel.dataSetFor(TaskShape.sudoku(5), Profile.SMOKE));
    }
}
