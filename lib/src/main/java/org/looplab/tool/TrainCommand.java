package org.looplab.tool;

import org.looplab.Profile;
import org.looplab.analysis.Evaluation;
import org.looplab.model.ModelConfig;
import org.looplab.train.ModelFamily;
import org.looplab.train.RunManifest;
import org.looplab.train.TrainConfig;
import org.looplab.train.TrainingListener;
import org.looplab.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code looplab train --task sudoku4 --model trm-mlp [--profile cpu] [--minutes M] [--steps N] [--seed S] [--out DIR]}:
 * trains with deep supervision, evaluates on the held-out split and writes a checkpoint folder with manifest and
 * metrics. With {@code --resume} and an {@code --out} that holds a run, continues it.
 */
@Command(name = "train", description = "Train a model with deep supervision and learned halting; write a checkpoint.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--task", description = "data set: sudoku4, sudoku6, sudoku9-hard, maze11, maze30-hard")
    String task;

    @Option(names = "--model", defaultValue = "trm-mlp", description = "trm-mlp, trm-att, hrm or direct (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--profile", description = "smoke, cpu or gpu (default: $LOOPLAB_PROFILE, else cpu)")
    String profile;

    @Option(names = "--minutes", description = "wall-clock budget (default: the profile's recipe)")
    Double minutes;

    @Option(names = "--steps", description = "optimiser steps (default: the profile's recipe)")
    Long steps;

    @Option(names = "--seed", defaultValue = "0", description = "the run's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "checkpoint folder (default data/checkpoints/<model>-<task>)")
    Path out;

    @Option(names = "--data-root", defaultValue = "data", description = "where data sets live (default ${DEFAULT-VALUE})")
    Path dataRoot;

    @Option(names = "--one-step-gradient", description = "TRM only: the paper's 'w/ 1-step gradient' ablation")
    boolean oneStep;

    @Option(names = "--resume", description = "continue the run in --out (--steps then means more steps)")
    boolean resume;

    @Override
    public Integer call() {
        TrainingRun run;
        if (resume) {
            if (out == null) throw new IllegalArgumentException("--resume needs --out DIR");
            run = TrainingRun.resume(out, dataRoot, steps == null ? 0 : steps, minutes == null ? -1 : minutes);
        } else {
            if (task == null) throw new IllegalArgumentException("--task is required");
            Profile p = profile == null ? Profile.fromEnv() : Profile.parse(profile);
            ModelFamily family = ModelFamily.of(model);
            ModelConfig mc = family.config(p, task);
            if (oneStep) {
                if (!(mc instanceof org.looplab.model.TrmConfig t))
                    throw new IllegalArgumentException("--one-step-gradient is for TRM models; " + model + " is not one");
                mc = t.with(org.looplab.model.Backprop.ONE_STEP);
            }
            TrainConfig tc = TrainConfig.of(p, task);
            if (steps != null) tc = tc.withSteps(steps);
            if (minutes != null) tc = tc.withMinutes(minutes);
            Path folder = out != null ? out
                    : Path.of("data", "checkpoints", family.id() + (oneStep ? "-1step" : "") + "-" + task);
            run = TrainingRun.start(mc, tc, task, p, seed, dataRoot, folder);
        }
        try (run) {
            System.out.println("run: " + run.id() + " -> " + run.folder());
            System.out.println("model: " + run.trainer().model().config());
            System.out.println("train: " + run.trainer().config());
            System.out.println("data: " + run.data().manifest().name() + " train " + run.data().train().count()
                    + ", held-out test " + run.data().test().count());
            var check = Evaluation.during(run.data().test(), run.trainer().config().evalPuzzles());
            run.train(TrainingListener.NONE, check, System.out);
            // The final, full held-out evaluation with the EMA weights (what the checkpoint holds).
            Evaluation.Result r = run.trainer().withAveragedWeights(m ->
                    Evaluation.run(m, run.data().test(), run.trainer().trainSha256(), 0.5));
            run.recordFinal(r.recorded(run.trainer().steps()));
            run.save();
            RunManifest m = run.manifest();
            System.out.printf(Locale.ROOT, "steps: %d%nseconds: %.0f%n", m.steps(), m.seconds());
            EvalCommand.print(r);
            Files.writeString(run.folder().resolve("evaluation.txt"), EvalCommand.lines(r));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return 0;
    }
}
