package org.looplab.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.looplab.provenance.AtomicFiles;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.Json;
import org.looplab.train.RunManifest;
import org.looplab.train.TrainingRun;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * A sweep's results as one Tablesaw table (a row per finished run) and its two files, {@code results.csv} and
 * {@code results.json} (rows with their run manifests, plus the spec): what notebooks and plots read.
 */
public final class SweepTable {
    public static final String CSV = "results.csv";
    public static final String JSON = "results.json";

    private SweepTable() {}

    /** {@code results.json}: the spec and, per run, its result row and manifest. */
    public record ResultsFile(String kind, SweepSpec spec, List<Run> runs) {
        public ResultsFile {
            if (!"sweep".equals(kind)) throw new IllegalArgumentException("kind must be \"sweep\", was " + kind);
            runs = List.copyOf(runs);
        }
    }

    /** One run: its row and its manifest. */
    public record Run(CellResult result, RunManifest manifest) {}

    /**
     * The results as a table; columns are named as in the CSV. {@code sources} says which training code made each
     * row and {@code current_code} whether that is the code of this build ("no" also when it is not known), so one
     * table never mixes runs of different code without saying so (the cache key leaves the code out on purpose:
     * a commit elsewhere must not retrain a sweep).
     */
    public static Table of(List<CellResult> results) {
        return of(results, CodeVersion.current());
    }

    /** The results as a table, compared with {@code build}'s training code. */
    public static Table of(List<CellResult> results, CodeVersion build) {
        StringColumn folder = StringColumn.create("folder"),
                runId = StringColumn.create("run_id"),
                grids = StringColumn.create("grids"),
                task = StringColumn.create("task"),
                model = StringColumn.create("model"),
                mixer = StringColumn.create("mixer"),
                commit = StringColumn.create("commit"),
                hash = StringColumn.create("hash"),
                sources = StringColumn.create("sources"),
                currentCode = StringColumn.create("current_code");
        IntColumn n = IntColumn.create("n"),
                t = IntColumn.create("T"),
                width = IntColumn.create("width"),
                layers = IntColumn.create("layers"),
                depth = IntColumn.create("depth"),
                puzzles = IntColumn.create("test_puzzles"),
                resumes = IntColumn.create("resumes");
        LongColumn seed = LongColumn.create("seed"),
                steps = LongColumn.create("steps"),
                params = LongColumn.create("parameters");
        DoubleColumn seconds = DoubleColumn.create("seconds"),
                exact = DoubleColumn.create("exact"),
                cell = DoubleColumn.create("cell"),
                adaptive = DoubleColumn.create("adaptive_exact"),
                meanSteps = DoubleColumn.create("adaptive_mean_steps");
        for (CellResult r : results) {
            folder.append(r.folder());
            runId.append(r.runId());
            grids.append(String.join("+", r.grids()));
            task.append(r.task().id());
            model.append(r.model().id());
            mixer.append(r.arm());
            n.append(r.latentSteps());
            t.append(r.recursions());
            width.append(r.hiddenSize());
            layers.append(r.layers());
            depth.append(r.depth());
            seed.append(r.seed());
            steps.append(r.steps());
            seconds.append(r.seconds());
            params.append(r.parameters());
            exact.append(r.exactAccuracy());
            cell.append(r.cellAccuracy());
            adaptive.append(r.adaptiveExact());
            meanSteps.append(r.adaptiveMeanSteps());
            puzzles.append(r.testPuzzles());
            resumes.append(r.resumes());
            commit.append(r.commit());
            hash.append(r.hash());
            sources.append(shortSources(r.sources()));
            currentCode.append(r.madeBy(build) ? "yes" : "no");
        }
        return Table.create(
                "sweep results",
                folder,
                runId,
                grids,
                task,
                model,
                mixer,
                n,
                t,
                width,
                layers,
                depth,
                seed,
                steps,
                seconds,
                params,
                exact,
                cell,
                adaptive,
                meanSteps,
                puzzles,
                resumes,
                commit,
                hash,
                sources,
                currentCode);
    }

    /** The first 12 hex digits of a sources hash, or {@code unknown}. */
    static String shortSources(String sources) {
        return sources.length() > 12 ? sources.substring(0, 12) : sources;
    }

    /** Writes both files atomically (a crash leaves the previous tables). */
    static void write(Path out, SweepSpec spec, List<CellResult> results) {
        StringWriter csv = new StringWriter();
        of(results).write().csv(CsvWriteOptions.builder(csv).build());
        AtomicFiles.writeString(out.resolve(CSV), csv.toString());
        List<Run> runs = new ArrayList<>();
        for (CellResult r : results)
            runs.add(new Run(
                    r, TrainingRun.readManifest(out.resolve(SweepRunner.RUNS).resolve(r.folder()))));
        AtomicFiles.writeString(out.resolve(JSON), Json.write(new ResultsFile("sweep", spec, runs)));
    }

    /** Reads {@code results.json} of a sweep folder; the error names the file. */
    public static ResultsFile read(Path out) {
        Path f = out.resolve(JSON);
        if (!Files.isRegularFile(f))
            throw new IllegalArgumentException(f + ": no sweep results (run looplab sweep first)");
        try {
            JsonNode tree = Json.mapper().readTree(f.toFile());
            // Results written before N_sup, backprop and heads became grid factors (or without heads, which is left
            // out when unset) lack those keys: null means "the family's".
            for (JsonNode g : tree.path("spec").path("grids"))
                if (g instanceof ObjectNode o)
                    for (String added : List.of("supervisionSteps", "backprop", "heads"))
                        if (!o.has(added)) o.putNull(added);
            // ... and before the batch size could be overridden: null means "the recipe's".
            List<JsonNode> trains =
                    new java.util.ArrayList<>(List.of(tree.path("spec").path("train")));
            for (JsonNode g : tree.path("spec").path("grids")) trains.add(g.path("train"));
            for (JsonNode t : trains) if (t instanceof ObjectNode o && !o.has("batchSize")) o.putNull("batchSize");
            return Json.mapper().treeToValue(tree, ResultsFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(f + ": not a valid ResultsFile: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": cannot read", e);
        }
    }

    /** The table of a sweep folder's {@code results.json}. */
    public static Table load(Path out) {
        return of(read(out).runs().stream().map(Run::result).toList());
    }
}
