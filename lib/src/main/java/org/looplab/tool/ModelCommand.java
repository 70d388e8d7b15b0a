package org.looplab.tool;

import java.util.concurrent.Callable;
import org.looplab.model.ModelConfig;
import org.looplab.model.Preset;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code looplab model ...}: commands about the models themselves. */
@Command(
        name = "model",
        description = "Inspect the models.",
        subcommands = {ModelCommand.Info.class})
final class ModelCommand {

    /** {@code looplab model info --preset trm-mlp-paper [--task sudoku9]}: size and compute depth. */
    @Command(name = "info", description = "Build a preset and print its parameter count and compute depth.")
    static final class Info implements Callable<Integer> {
        @Option(
                names = "--preset",
                required = true,
                description = "trm-att-paper, trm-mlp-paper, hrm-paper, direct-paper, or -small / -tiny variants")
        String preset;

        @Option(
                names = "--task",
                defaultValue = "sudoku9",
                description = "sudokuN, mazeN or arc (default ${DEFAULT-VALUE})")
        String task;

        @Override
        public Integer call() {
            ModelConfig cfg = Preset.of(preset).config();
            TaskShape shape = TaskShape.of(task);
            // Built, not computed: the count comes from the real model's parameter list.
            try (ReasoningModel m = cfg.build(shape, 0)) {
                System.out.println("preset: " + Preset.of(preset).id() + " ("
                        + cfg.getClass().getSimpleName() + ")");
                System.out.println("task: " + task + " (vocab " + shape.vocabSize() + ", cells " + shape.gridCells()
                        + ", prefix " + cfg.prefixLength() + ")");
                System.out.println("parameters: " + m.parameterCount());
                System.out.println("puzzle embedding (excluded): "
                        + m.puzzleEmbedding().getShape().size());
                System.out.println(
                        "compute depth per supervision step: " + cfg.computeDepth() + " (" + cfg.depthFormula() + ")");
                System.out.println("supervision steps: " + cfg.supervisionSteps());
            }
            return 0;
        }
    }
}
