package org.looplab.train;

import java.util.List;
import java.util.Map;
import org.looplab.Profile;
import org.looplab.data.PuzzleTask;
import org.looplab.model.ModelConfig;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.RunResults;
import org.looplab.provenance.RuntimeFacts;

/** A complete run manifest for tests that need a run folder without training one. */
public final class ExampleRunManifest {
    private ExampleRunManifest() {}

    public static final RuntimeFacts RUNTIME =
            new RuntimeFacts("17.0.15", "Linux amd64", "0.36.0", "PyTorch 2.7.1", "cpu()", 0);

    /** A smoke-profile TRM-MLP run on {@code dataName} with the given training-split hash, nothing measured. */
    public static RunManifest of(String id, String dataName, Profile profile, String trainSha256) {
        return of(id, TrmConfig.TINY_MLP, dataName, profile, "d".repeat(64), trainSha256, CodeVersion.current());
    }

    public static RunManifest of(
            String id,
            ModelConfig model,
            String dataName,
            Profile profile,
            String dataSha256,
            String trainSha256,
            CodeVersion code) {
        return new RunManifest(
                "run",
                id,
                profile,
                7,
                10,
                1.5,
                new RunManifest.Config(model, TrainConfig.of(profile, PuzzleTask.of(dataName))),
                new RunManifest.Data(dataName, profile, dataSha256, trainSha256, "data/" + dataName + "/manifest.json"),
                code,
                List.of(),
                RUNTIME,
                RunResults.NONE,
                Map.of());
    }
}
