package org.looplab.train;

import java.util.Locale;

/**
 * Runs a {@link DeepSupervisionTrainer} until {@code cfg.maxSteps} or {@code cfg.maxMinutes}, whichever comes
 * first: a metrics line every {@code logEvery} steps (to the trainer's history, the metrics file and the listener),
 * a held-out check every {@code evalEvery} steps and at the end, a checkpoint every {@code checkpointEvery} steps
 * and at the end. What to do at those points is set by name; anything not set does nothing:
 * <pre>{@code
 * new TrainingLoop(trainer).heldOut(check).metrics(log).progress(bar).checkpoints(run::save).run();
 * }</pre>
 */
public final class TrainingLoop {
    /** Where metrics lines go besides the trainer's history (e.g. {@link MetricsLog#append}). */
    @FunctionalInterface
    public interface MetricsSink {
        void append(TrainingMetrics m);
    }

    private final DeepSupervisionTrainer trainer;
    private TrainingListener listener = TrainingListener.NONE;
    private HeldOutCheck heldOut; // null: no held-out checks
    private MetricsSink metrics = m -> {};
    private ProgressBar bar; // null: no progress line
    private Runnable checkpoint = () -> {};

    public TrainingLoop(DeepSupervisionTrainer trainer) {
        this.trainer = trainer;
    }

    public TrainingLoop listener(TrainingListener l) {
        this.listener = l;
        return this;
    }

    public TrainingLoop heldOut(HeldOutCheck check) {
        this.heldOut = check;
        return this;
    }

    public TrainingLoop metrics(MetricsSink sink) {
        this.metrics = sink;
        return this;
    }

    public TrainingLoop progress(ProgressBar progress) {
        this.bar = progress;
        return this;
    }

    public TrainingLoop checkpoints(Runnable saver) {
        this.checkpoint = saver;
        return this;
    }

    public void run() {
        TrainConfig cfg = trainer.config();
        double budget = cfg.maxMinutes() > 0 ? cfg.maxMinutes() * 60 : Double.POSITIVE_INFINITY;
        double startSeconds = trainer.seconds();
        long firstStep = trainer.steps();
        while (trainer.steps() < cfg.maxSteps() && trainer.seconds() - startSeconds < budget) {
            trainer.step();
            long step = trainer.steps();
            boolean last = step >= cfg.maxSteps() || trainer.seconds() - startSeconds >= budget;
            boolean eval = heldOut != null && (last || (cfg.evalEvery() > 0 && step % cfg.evalEvery() == 0));
            if (step % cfg.logEvery() == 0 || last || eval) {
                double[] acc = eval
                        ? trainer.withAveragedWeights(m -> heldOut.exactAndCell(m, trainer.trainSha256()))
                        : new double[] {Double.NaN, Double.NaN};
                TrainingMetrics m = trainer.closeWindow(acc[0], acc[1]);
                metrics.append(m);
                if (bar != null) bar.update(step - firstStep, progressText(m, eval));
                listener.onLog(m);
            }
            if (last || (cfg.checkpointEvery() > 0 && step % cfg.checkpointEvery() == 0)) checkpoint.run();
        }
        if (bar != null) bar.finish();
    }

    private String progressText(TrainingMetrics m, boolean eval) {
        return String.format(
                Locale.ROOT,
                "loss %.3f  exact %.2f%s%s",
                m.loss(),
                m.haltedExact(),
                trainer.skipped() > 0 ? "  skipped " + trainer.skipped() : "",
                eval ? String.format(Locale.ROOT, "  held-out %.3f", m.evalExact()) : "");
    }
}
