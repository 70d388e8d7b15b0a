package org.looplab.golden;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.looplab.analysis.Evaluation;
import org.looplab.analysis.HaltingStats;
import org.looplab.analysis.HaltingTables;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.data.Sudoku;
import org.looplab.data.SudokuEncoding;
import org.looplab.data.SudokuGenerator;
import org.looplab.data.SudokuGeneratorConfig;
import org.looplab.data.SudokuShape;
import org.looplab.model.Checkpoint;
import org.looplab.model.HaltingRule;
import org.looplab.model.Latents;
import org.looplab.model.NoGrad;
import org.looplab.model.Readout;
import org.looplab.model.ReasoningModel;
import org.looplab.model.RecursionTrace;
import org.looplab.model.TraceStep;
import org.looplab.provenance.Json;
import org.looplab.serve.SolveOptions;
import org.looplab.serve.SolverService;
import org.looplab.serve.SudokuAnswer;

/**
 * What the inference paths of one checkpoint (a frozen copy of a shipped one) say about fixed puzzles: the recursion trace, the halting
 * tables, the evaluation reading and the solver service's answers. Written once by {@link #main} from the code as it
 * was before the one inference API replaced its three copies (the snapshots were written by code that sent the
 * requests one at a time and unrolled once per threshold; the same values either way); {@code InferenceGoldenTest}
 * compares today's output with it.
 *
 * @param haltLogits     {@code [step][puzzle]} q_halt, read beside the trace by a plain unroll (for HRM's own rule)
 * @param continueLogits {@code [step][puzzle]} q_continue, the same way
 * @param tables         halting tables by name ("threshold/table"), as {@code Table.printAll()} prints them
 * @param evaluations    {@code Evaluation.run} by threshold
 * @param answers        solver answers by request ("options/puzzle index"), without the wall time
 */
public record InferenceSnapshot(
        String checkpoint,
        List<String> puzzles,
        List<TraceStep> trace,
        float[][] haltLogits,
        float[][] continueLogits,
        Map<String, String> tables,
        Map<String, Evaluation.Result> evaluations,
        Map<String, Map<String, Object>> answers) {

    static final int PUZZLES = 32;
    static final long SEED = 20261129L;
    static final double[] THRESHOLDS = {0.5, 0.9};

    /** The 4×4 puzzles every snapshot uses: minimal ones from the seeded generator. */
    static List<Sudoku> fixedPuzzles() {
        SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(4));
        List<Sudoku> out = new ArrayList<>();
        for (int i = 0; i < PUZZLES; i++) out.add(gen.generate(SEED, i).puzzle());
        return out;
    }

    static PuzzleDataSet dataSet(List<Sudoku> puzzles) {
        SudokuGenerator gen = new SudokuGenerator(SudokuGeneratorConfig.minimal(4));
        int cells = 16;
        byte[] in = new byte[puzzles.size() * cells], out = new byte[puzzles.size() * cells];
        int[] difficulty = new int[puzzles.size()];
        for (int i = 0; i < puzzles.size(); i++) {
            SudokuGenerator.Generated g = gen.generate(SEED, i);
            System.arraycopy(SudokuEncoding.encode(g.puzzle()), 0, in, i * cells, cells);
            System.arraycopy(SudokuEncoding.encode(g.solution()), 0, out, i * cells, cells);
            difficulty[i] = (int) g.backtracks();
        }
        return new PuzzleDataSet(
                "golden-sudoku4-" + SEED,
                PuzzleKind.SUDOKU,
                4,
                SudokuEncoding.vocab(SudokuShape.FOUR),
                cells,
                in,
                out,
                difficulty,
                new int[puzzles.size()]);
    }

    static long[][] tokens(List<Sudoku> puzzles) {
        long[][] t = new long[puzzles.size()][];
        for (int i = 0; i < t.length; i++) {
            byte[] b = SudokuEncoding.encode(puzzles.get(i));
            t[i] = new long[b.length];
            for (int c = 0; c < b.length; c++) t[i][c] = b[c];
        }
        return t;
    }

    /** The options each puzzle is sent with: the defaults, a small step budget, and the deck's threshold. */
    static Map<String, SolveOptions> requests() {
        Map<String, SolveOptions> m = new LinkedHashMap<>();
        m.put("defaults", SolveOptions.defaults());
        m.put("max_steps=3", new SolveOptions(3, SolveOptions.DEFAULT_HALT_THRESHOLD, false));
        m.put("threshold=0.9", new SolveOptions(null, 0.9, false));
        return m;
    }

    /**
     * The checkpoint a snapshot was recorded from: a frozen copy under {@code src/test/resources/golden/checkpoints/}
     * (its model and manifest), not the shipped one in {@code data/checkpoints/}. Shipped checkpoints get retrained
     * (a cleaner commit, more steps); the snapshot pins the inference code, so its weights must never move with them.
     */
    static Path checkpointFolder(String name) {
        return Path.of("src", "test", "resources", "golden", "checkpoints", name);
    }

    static InferenceSnapshot record(String name) {
        List<Sudoku> puzzles = fixedPuzzles();
        PuzzleDataSet set = dataSet(puzzles);
        long[][] tokens = tokens(puzzles);
        Path folder = checkpointFolder(name);
        RecursionTrace trace;
        float[][][] logits;
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Evaluation.Result> evals = new LinkedHashMap<>();
        try (ReasoningModel model = Checkpoint.load(folder.resolve("model"))) {
            trace = RecursionTrace.of(model, tokens);
            logits = logits(model, tokens);
            HaltingStats measured = HaltingStats.measure(model, name, set, set.name(), PUZZLES, THRESHOLDS[0]);
            for (double t : THRESHOLDS) {
                // one unroll, the rule replayed per threshold (what measure does inside)
                HaltingStats h = new HaltingStats(name, set.name(), HaltingRule.of(model, t), measured.puzzles());
                tables.put(t + "/perPuzzle", HaltingTables.perPuzzle(h).printAll());
                tables.put(t + "/byDifficulty", HaltingTables.byDifficulty(h).printAll());
                tables.put(
                        t + "/accuracyByMaxSteps",
                        HaltingTables.accuracyByMaxSteps(h).printAll());
                tables.put(t + "/savings", HaltingTables.savingsTable(h).printAll());
                tables.put(
                        t + "/calibration",
                        HaltingTables.calibrationTable(h, 10).printAll());
                tables.put(t + "/byStep", HaltingTables.byStep(h).printAll());
                tables.put(t + "/deckSummary", HaltingTables.deckSummary(h));
                evals.put(String.valueOf(t), Evaluation.run(model, set, null, t));
            }
        }
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        try (SolverService service = SolverService.load(List.of(folder))) {
            Map<String, CompletableFuture<SudokuAnswer>> sent = new LinkedHashMap<>();
            for (var req : requests().entrySet()) // all at once: they share batches, as a busy service's do
            for (int i = 0; i < puzzles.size(); i++)
                    sent.put(req.getKey() + "/" + i, service.solveSudoku(puzzles.get(i), req.getValue()));
            for (var e : sent.entrySet()) answers.put(e.getKey(), withoutWallTime(SolverService.await(e.getValue())));
        }
        return new InferenceSnapshot(
                name,
                puzzles.stream().map(Sudoku::text).toList(),
                trace.steps(),
                logits[0],
                logits[1],
                tables,
                evals,
                answers);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutWallTime(SudokuAnswer a) {
        Map<String, Object> m = Json.mapper().convertValue(a, Map.class);
        m.remove("wall_ms");
        return m;
    }

    /** q_halt and q_continue per step and puzzle: a plain N_sup unroll, written here so it depends on nothing it checks. */
    private static float[][][] logits(ReasoningModel model, long[][] tokens) {
        int steps = model.config().supervisionSteps();
        float[][] halt = new float[steps][], cont = new float[steps][];
        try (NoGrad off = NoGrad.open();
                NDScope whole = new NDScope();
                NDManager inputs = model.manager().newSubManager()) {
            NDArray x = model.embed(inputs.create(tokens), inputs.create(new long[tokens.length]));
            Latents carry = model.initialLatents(tokens.length);
            for (int k = 0; k < steps; k++) {
                carry = model.supervisionStep(carry, x);
                Readout r = model.readout(carry);
                halt[k] = r.haltLogit().toType(DataType.FLOAT32, false).toFloatArray();
                cont[k] = r.continueLogit().toType(DataType.FLOAT32, false).toFloatArray();
            }
        }
        return new float[][][] {halt, cont};
    }

    static Path file(String name) {
        return Path.of("src", "test", "resources", "golden", name + ".json");
    }

    static InferenceSnapshot read(String name) throws IOException {
        return Json.mapper().readValue(Files.readString(file(name)), InferenceSnapshot.class);
    }

    /** Writes the snapshots (run from {@code lib/}); only ever run on the code the snapshot is meant to pin. */
    public static void main(String[] args) throws IOException {
        for (String name : args) {
            Path f = file(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, Json.write(record(name)) + "\n");
            System.out.println("wrote " + f);
        }
    }
}
