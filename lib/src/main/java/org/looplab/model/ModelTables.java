package org.looplab.model;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.looplab.Profile;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables that put our models beside the papers' numbers (for notebooks; render with viz.HtmlTables). */
public final class ModelTables {
    private ModelTables() {}

    /** One row of a paper table: our config and what the paper printed for it. */
    public record PaperRow(
            String name, ModelConfig config, long referenceParameters, String paperParameters, int paperDepth) {}

    /**
     * The models of TRM paper Tables 4-5 on Sudoku; exact counts computed from the layer shapes of the TRM code (the
     * paper rounds them).
     */
    public static List<PaperRow> paperModels() {
        return List.of(
                new PaperRow("Direct pred (8 layers)", DirectConfig.PAPER, 27_275_266L, "27M", 8),
                new PaperRow("HRM", HrmConfig.PAPER, 27_275_266L, "27M", 24),
                new PaperRow("TRM-Att", TrmConfig.PAPER_ATTENTION, 6_828_034L, "7M", 42),
                new PaperRow("TRM-MLP", TrmConfig.PAPER_MLP, 5_028_866L, "5M", 42));
    }

    /** TRM paper Table 1's rows whose architecture differs (depth and size), plus the direct baseline. */
    public static List<PaperRow> table1() {
        TrmConfig mlp = TrmConfig.PAPER_MLP;
        return List.of(
                new PaperRow("HRM", HrmConfig.PAPER, 27_275_266L, "27M", 24),
                new PaperRow("TRM (T=3, n=6)", mlp, 5_028_866L, "5M", 42),
                new PaperRow(
                        "w/ 4 layers, n=3",
                        new TrmConfig(
                                512, 8, 4, 4, Mixer.MLP, PositionEncoding.NONE, 3, 3, 16, 16, Backprop.FULL_RECURSION),
                        10_045_442L,
                        "10M",
                        48),
                new PaperRow("w/ self-attention", TrmConfig.PAPER_ATTENTION, 6_828_034L, "7M", 42),
                new PaperRow("w/ T=2, n=2", mlp.withRecursion(2, 2), 5_028_866L, "5M", 12),
                new PaperRow("Direct pred", DirectConfig.PAPER, 27_275_266L, "27M", 8));
    }

    /** A model at some size, for tables at the profile's size. */
    public record Named(String name, ModelConfig config) {}

    /** The four models at a profile's size (TRM-Att is TRM-MLP with the mixer swapped and RoPE on). */
    public static List<Named> profileModels(Profile p) {
        TrmConfig mlp = TrmConfig.of(p);
        return List.of(
                new Named("Direct (one pass)", DirectConfig.of(p)),
                new Named("HRM", HrmConfig.of(p)),
                new Named("TRM-Att", mlp.with(Mixer.ATTENTION).with(PositionEncoding.ROPE)),
                new Named("TRM-MLP", mlp));
    }

    /** How much network each model has against how deep it computes: recursion buys depth without parameters. */
    public static Table sizeAndDepth(List<Named> models, TaskShape task) {
        StringColumn model = StringColumn.create("model");
        LongColumn params = LongColumn.create("parameters");
        IntColumn layers = IntColumn.create("distinct layers");
        IntColumn depth = IntColumn.create("depth per supervision step");
        IntColumn total = IntColumn.create("layers over N_sup steps");
        for (Named n : models) {
            try (ReasoningModel m = n.config().build(task, 0)) {
                model.append(n.name());
                params.append(m.parameterCount());
                layers.append(distinctLayers(n.config()));
                depth.append(n.config().computeDepth());
                total.append(n.config().computeDepth() * n.config().supervisionSteps());
            }
        }
        return Table.create("Size and depth on " + task, model, params, layers, depth, total);
    }

    private static int distinctLayers(ModelConfig c) {
        if (c instanceof TrmConfig t) return t.layers();
        if (c instanceof HrmConfig h) return h.lowLayers() + h.highLayers();
        return ((DirectConfig) c).layers();
    }

    /** Builds each model (no forward pass) and counts its parameters beside the paper's and the reference's count. */
    public static Table parameters(List<PaperRow> rows, TaskShape task) {
        StringColumn model = StringColumn.create("model");
        LongColumn ours = LongColumn.create("parameters (built here)");
        LongColumn reference = LongColumn.create("reference count");
        StringColumn paper = StringColumn.create("paper");
        StringColumn puzzle = StringColumn.create("puzzle table (excluded)");
        for (PaperRow r : rows) {
            try (ReasoningModel m = r.config().build(task, 0)) {
                model.append(r.name());
                ours.append(m.parameterCount());
                reference.append(r.referenceParameters());
                paper.append(r.paperParameters());
                puzzle.append(m.puzzleEmbedding().getShape().toString());
            }
        }
        return Table.create("Parameters on " + task, model, ours, reference, paper, puzzle);
    }

    /** Compute depth per supervision step (TRM Table 1 "Depth"), what back-propagation sees, and over N_sup steps. */
    public static Table computeDepth(List<PaperRow> rows) {
        StringColumn model = StringColumn.create("model");
        StringColumn formula = StringColumn.create("depth per supervision step");
        IntColumn depth = IntColumn.create("depth (ours)");
        IntColumn paper = IntColumn.create("depth (paper)");
        IntColumn grad = IntColumn.create("back-propagated layers");
        IntColumn total = IntColumn.create("layers over N_sup steps");
        for (PaperRow r : rows) {
            ModelConfig c = r.config();
            model.append(r.name());
            formula.append(c.depthFormula());
            depth.append(c.computeDepth());
            paper.append(r.paperDepth());
            grad.append(c.gradientDepth());
            total.append(c.computeDepth() * c.supervisionSteps());
        }
        return Table.create("Compute depth (TRM paper Table 1)", model, formula, depth, paper, grad, total);
    }

    /** The fields in which {@code ours} differs from {@code paper}: a notebook's "deviations" line. */
    public static Table deviations(ModelConfig ours, ModelConfig paper) {
        StringColumn field = StringColumn.create("field");
        StringColumn here = StringColumn.create("here");
        StringColumn there = StringColumn.create("paper");
        if (ours.getClass() != paper.getClass())
            throw new IllegalArgumentException(
                    "compare like with like: " + ours.getClass().getSimpleName() + " vs "
                            + paper.getClass().getSimpleName());
        for (RecordComponent rc : ours.getClass().getRecordComponents()) {
            try {
                Object a = rc.getAccessor().invoke(ours), b = rc.getAccessor().invoke(paper);
                if (!a.equals(b)) {
                    field.append(rc.getName());
                    here.append(String.valueOf(a));
                    there.append(String.valueOf(b));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(rc.getName(), e);
            }
        }
        return Table.create("Deviations from the paper", field, here, there);
    }
}
