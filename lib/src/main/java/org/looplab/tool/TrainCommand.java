package org.looplab.tool;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.looplab.Profile;
import org.looplab.analysis.Evaluation;
import org.looplab.analysis.TrainingWorkflow;
import org.looplab.data.PuzzleTask;
import org.looplab.model.ModelConfig;
import org.looplab.model.RecursionDepth;
import org.looplab.provenance.AtomicFiles;
import org.looplab.sweep.StopRequest;
import org.looplab.train.ModelFamily;
import org.looplab.train.RunManifest;
import org.looplab.train.TrainConfig;
import org.looplab.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code looplab train --task sudoku4 --model trm-mlp [--profile cpu] [--minutes M] [--steps N] [--seed S] [--out DIR]}:
 * trains with deep supervision, evaluates on the held-out split and writes a checkpoint folder with manifest and
 * metrics. With {@code --resume} and an {@code --out} that holds a run, continues it.
 */
@Command(name = "train", description = "Train a model with deep supervision and learned halting; write a checkpoint.")
final class TrainCommand implements Callable<Integer> {
    @Option(
            names = "--task",
            description = "data set: sudoku4, sudoku6, sudoku9-hard, maze11, maze30-hard, arc-family, arc-agi-1, ..."
                    + " (`looplab data list`)")
    String task;

    @Option(names = "--model", description = "trm-mlp, trm-att, hrm or direct (default trm-mlp)")
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

    @Option(
            names = "--data-root",
            description = "where data sets live (default: data; for --resume, where the run's data set was)")
    Path dataRoot;

    @Option(names = "--one-step-gradient", description = "TRM only: the paper's 'w/ 1-step gradient' ablation")
    boolean oneStep;

    @Option(
            names = "--adam-atan2",
            description = "update the weights with AdamATan2 (the paper code's optimiser) instead of AdamW")
    boolean adamAtan2;

    @Option(
            names = "--lr-min-ratio",
            paramLabel = "R",
            description = "decay the learning rate after warm-up along a half cosine to R × its peak at the last step"
                    + " (the references' lr_min_ratio; default 1: constant, as every recipe here)")
    Float lrMinRatio;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "peak learning rate of the weights' optimiser (default: the profile's recipe, e.g. 1e-3 on"
                    + " cpu); a warm start that fine-tunes on new data may want less")
    Float learningRate;

    @Option(
            names = "--init-from",
            paramLabel = "DIR",
            description = "start from this run's (or checkpoint's) EMA weights and architecture instead of a fresh"
                    + " initialisation; optimiser, EMA and step count start fresh (a second stage, or a curriculum)")
    Path initFrom;

    @Option(
            names = "--recursion",
            paramLabel = "N,T",
            description = "TRM recursion depth per supervision step: n latent updates, T rounds (default: the"
                    + " profile's); with --init-from, the source's weights recurse at this depth instead of their own"
                    + " (a depth curriculum stage)")
    String recursion;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            arity = "0..1",
            fallbackValue = "",
            description = "continue the run in DIR (or in --out) exactly where its last checkpoint stopped"
                    + " (--steps then means more steps)")
    Path resume;

    @Override
    public Integer call() {
        TrainingRun run;
        if (resume != null) {
            Path folder = resume.toString().isEmpty() ? out : resume;
            if (folder == null)
                throw new IllegalArgumentException("--resume needs a folder: --resume DIR (or --out DIR)");
            if (adamAtan2
                    || oneStep
                    || initFrom != null
                    || lrMinRatio != null
                    || learningRate != null
                    || recursion != null)
                throw new IllegalArgumentException("--resume continues the run as it was configured; --adam-atan2,"
                        + " --one-step-gradient, --lr, --lr-min-ratio, --recursion and --init-from are for a new"
                        + " run");
            Path root = dataRoot != null ? dataRoot : TrainingRun.recordedDataRoot(folder);
            run = TrainingRun.resume(folder, root, steps == null ? 0 : steps, minutes == null ? -1 : minutes);
        } else {
            if (task == null) throw new IllegalArgumentException("--task is required");
            Profile p = profile == null ? Profile.fromEnv() : Profile.parse(profile);
            PuzzleTask t = PuzzleTask.of(task);
            ModelFamily family = ModelFamily.of(model == null ? "trm-mlp" : model);
            ModelConfig mc = family.config(p, t);
            if (oneStep) {
                if (!(mc instanceof org.looplab.model.TrmConfig trm))
                    throw new IllegalArgumentException(
                            "--one-step-gradient is for TRM models; " + model + " is not one");
                mc = trm.with(org.looplab.model.Backprop.ONE_STEP);
            }
            RecursionDepth depth = recursion == null ? null : RecursionDepth.parse(recursion);
            if (depth != null && initFrom == null) mc = depth.applyTo(mc);
            TrainConfig tc = TrainConfig.of(p, t);
            if (steps != null) tc = tc.toBuilder().maxSteps(steps).build();
            if (minutes != null) tc = tc.toBuilder().maxMinutes(minutes).build();
            if (lrMinRatio != null) tc = tc.toBuilder().lrMinRatio(lrMinRatio).build();
            if (learningRate != null)
                tc = tc.toBuilder().learningRate(learningRate).build();
            if (adamAtan2)
                tc = tc.toBuilder()
                        .optimiser(org.looplab.train.UpdateRule.ADAM_ATAN2)
                        .build();
            Path root = dataRoot != null ? dataRoot : Path.of("data");
            if (initFrom != null) {
                if (out == null)
                    throw new IllegalArgumentException("--init-from needs --out: the new run must not take the"
                            + " default folder of the run it starts from");
                if (oneStep)
                    throw new IllegalArgumentException("--init-from takes the architecture of " + initFrom
                            + "; --one-step-gradient is for a new model");
                String trained = TrainingRun.modelName(org.looplab.train.WarmStart.architecture(initFrom));
                if (model != null && !trained.equals(family.id()))
                    throw new IllegalArgumentException(
                            "--model " + model + " but " + initFrom + " holds a " + trained + " model");
                run = TrainingRun.startFrom(initFrom, depth, tc, t, p, seed, root, out);
            } else {
                Path folder = out != null
                        ? out
                        : Path.of("data", "checkpoints", family.id() + (oneStep ? "-1step" : "") + "-" + t.id());
                run = TrainingRun.start(mc, tc, t, p, seed, root, folder);
            }
        }
        try (run) {
            System.out.println("run: " + run.id() + " -> " + run.folder());
            System.out.println("model: " + run.trainer().model().config());
            System.out.println("train: " + run.trainer().config());
            System.out.println("data: " + run.data().manifest().name() + " train "
                    + run.data().train().count() + ", held-out test "
                    + run.data().test().count());
            // Train, then the full held-out evaluation with the EMA weights (what the checkpoint holds), recorded.
            // SIGTERM stops at the next metrics line with a checkpoint there; --resume goes on from it exactly.
            StopRequest stop = StopRequest.onShutdown();
            Evaluation.Result r;
            try {
                r = TrainingWorkflow.trainEvaluateRecord(run, stop, System.out, 0, TrainingWorkflow.THRESHOLD);
            } catch (StopRequest.Stopped stopped) {
                run.save();
                System.out.println("stopped by SIGTERM at step " + stopped.step() + ", checkpoint saved; resume with"
                        + " looplab train --resume " + run.folder());
                System.out.flush();
                return SweepCommand.STOPPED;
            } finally {
                stop.settled();
            }
            RunManifest m = run.manifest();
            System.out.printf(Locale.ROOT, "steps: %d%nseconds: %.0f%n", m.steps(), m.seconds());
            EvalCommand.print(r);
            String lines = EvalCommand.lines(r);
            if (run.data().test().kind() == org.looplab.data.PuzzleKind.ARC) {
                // The papers' ARC number: vote over the versions of each held-out test input (EMA weights).
                var arc = run.trainer()
                        .withAveragedWeights(mdl -> org.looplab.analysis.ArcEvaluation.run(
                                mdl, run.data(), run.trainer().trainSha256()));
                AtomicFiles.writeString(run.folder().resolve(EvalCommand.ARC_TABLE), arc.table());
                System.out.print(EvalCommand.arcLines(arc));
                lines += EvalCommand.arcLines(arc);
            }
            AtomicFiles.writeString(run.folder().resolve("evaluation.txt"), lines);
        }
        return 0;
    }
}
