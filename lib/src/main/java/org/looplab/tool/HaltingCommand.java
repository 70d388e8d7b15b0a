package org.looplab.tool;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.looplab.Profile;
import org.looplab.analysis.DifficultyRating;
import org.looplab.analysis.HaltingClaim;
import org.looplab.analysis.HaltingRecord;
import org.looplab.analysis.HaltingStats;
import org.looplab.analysis.HaltingTables;
import org.looplab.analysis.HaltingUnits;
import org.looplab.analysis.SolvedHalting;
import org.looplab.analysis.StudiedModel;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.RatedSudokuFile;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionDepth;
import org.looplab.provenance.CodeVersion;
import org.looplab.provenance.RunFolder;
import org.looplab.train.RunManifest;
import org.looplab.train.RunRecipe;
import org.looplab.viz.TextTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code looplab halting --checkpoint DIR [--puzzles FILE]}: when the halt head stops, by difficulty, and what that
 * saves; ends with the claim's lines ({@code spearman_difficulty_steps}, {@code adaptive_exact}, {@code full_exact},
 * {@code mean_steps}) and the halting step in the deck's unit as well as in supervision steps.
 */
@Command(
        name = "halting",
        description = "Measure adaptive halting of a checkpoint on its test set and print the tables.")
final class HaltingCommand implements Callable<Integer> {
    @Option(
            names = "--checkpoint",
            required = true,
            description = "checkpoint folder (config.json, params.safetensors)")
    Path checkpoint;

    @Option(names = "--data", description = "test set name (default: the named set matching the model's task)")
    String data;

    @Option(
            names = "--threshold",
            defaultValue = "0.5",
            description =
                    "halt when sigmoid(q_halt) reaches this (default ${DEFAULT-VALUE}, the code's q_halt_logit > 0)")
    double threshold;

    @Option(names = "--limit", defaultValue = "1000", description = "first N test puzzles (default ${DEFAULT-VALUE})")
    int limit;

    @Option(
            names = "--puzzles",
            description =
                    "Sudoku text file, one puzzle a line, instead of the test set: labelled and rated (backtracks) by the classical solver")
    Path puzzles;

    @Option(
            names = "--difficulty",
            description =
                    "how puzzles are rated: backtracks (Sudoku: solver backtracks), propagation (Sudoku: rounds of"
                            + " singles, search-needing puzzles above them all) or path-length (mazes: shortest path"
                            + " length); default: the value the data set stores, backtracks or path-length")
    String difficulty;

    @Option(
            names = "--record",
            description =
                    "also write the claim's numbers as JSON to this file (a committed result for `looplab claims`)")
    Path record;

    @Option(
            names = "--recursion",
            paramLabel = "N,T",
            description = "run the TRM's weights at this recursion depth (n latent updates, T rounds per supervision"
                    + " step) instead of the one it trained at; the description and the record say so")
    String recursion;

    /** {@link #recursion} parsed once in {@link #call}; null: the depth the checkpoint trained at. */
    private RecursionDepth depth;

    @Option(
            names = "--data-root",
            defaultValue = "data",
            description = "where data sets live, built by looplab data build (default ${DEFAULT-VALUE})")
    Path dataRoot;

    @Override
    public Integer call() {
        if (data != null && puzzles != null) throw new IllegalArgumentException("give --data or --puzzles, not both");
        DifficultyRating chosen = difficulty == null ? null : DifficultyRating.parse(difficulty);
        depth = recursion == null ? null : RecursionDepth.parse(recursion);
        if (puzzles != null) {
            // Puzzles from a file need no named data set: the classical solver labels and rates them.
            PuzzleDataSet rated = RatedSudokuFile.read(puzzles);
            RunFolder folder = RunFolder.of(checkpoint);
            String description = StudiedModel.description(checkpoint, RunManifest.readIfPresent(folder))
                    + StudiedModel.atDepth(folder, depth);
            try (ReasoningModel model = StudiedModel.modelOnly(checkpoint, depth)) {
                HaltingStats s = HaltingStats.measure(
                        model,
                        description,
                        rated,
                        puzzles.getFileName().toString(),
                        limit,
                        threshold,
                        chosen == null ? DifficultyRating.storedFor(rated.kind()) : chosen);
                report(s, model, description, puzzles.toString());
            }
            return 0;
        }
        try (StudiedModel m = StudiedModel.load(checkpoint, depth, data, Profile.fromEnv(), dataRoot)) {
            HaltingStats s = chosen == null ? m.halting(limit, threshold) : m.halting(limit, threshold, chosen);
            report(s, m.model(), m.description(), m.dataLabel());
        }
        return 0;
    }

    /** The depth given when it differs from the checkpoint's own, else null (the record's "as trained"). */
    private RecursionDepth measuredDepth() {
        return depth == null
                        || StudiedModel.atDepth(RunFolder.of(checkpoint), depth).isEmpty()
                ? null
                : depth;
    }

    private void report(HaltingStats s, ReasoningModel model, String description, String dataLabel) {
        System.out.println(TextTables.of(HaltingTables.deckComparison(s)));
        System.out.println();
        System.out.println(TextTables.of(HaltingTables.byDifficulty(s)));
        System.out.println();
        System.out.println(TextTables.of(HaltingTables.savingsTable(s)));
        System.out.println();
        System.out.println(TextTables.of(HaltingTables.accuracyByMaxSteps(s)));
        System.out.println();
        System.out.println(String.format(
                Locale.ROOT,
                "halt-head calibration: ECE %.4f over %d (puzzle, step) pairs",
                s.calibration(10).ece(),
                s.calibration(10).pairs()));
        HaltingClaim claim = HaltingClaim.of(s, HaltingUnits.of(model.config()));
        System.out.println();
        System.out.println(TextTables.of(claim.bucketTable()));
        System.out.println();
        System.out.print(claim.lines());
        SolvedHalting solved = SolvedHalting.of(s);
        System.out.println();
        System.out.println(TextTables.of(solved.table()));
        System.out.println();
        System.out.print(solved.lines());
        if (record != null) {
            RunManifest run = RunManifest.readIfPresent(RunFolder.of(checkpoint));
            new HaltingRecord(
                            description,
                            dataLabel,
                            CodeVersion.current().commit(),
                            claim,
                            run == null ? null : RunRecipe.of(run),
                            measuredDepth())
                    .write(record);
            System.out.println("recorded: " + record);
        }
    }
}
