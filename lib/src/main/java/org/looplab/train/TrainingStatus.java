package org.looplab.train;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.looplab.provenance.Figures;

/**
 * Where a training run stands, as one line of text for a notebook's live display, e.g.
 * {@code step 420/1,500 · 3.1 steps/s · ETA 5m48s · loss 0.412 · held-out exact 62.5%, cell 91.0% (step 400)}.
 * A notebook shows it under its live curves ({@code updateDisplay(statusId, TrainingStatus.of(run))}); because it is
 * text, {@code make run} also streams it to the terminal. The rate is over the run's own wall time, so a resumed run's
 * rate counts only steps this history recorded.
 */
public final class TrainingStatus {
    private TrainingStatus() {}

    /** The line for a run, against its recipe's step budget. */
    public static String of(TrainingRun run) {
        return line(run.history(), run.trainer().config().maxSteps());
    }

    /** The line for a history of metrics lines, against {@code totalSteps}. */
    public static String line(List<TrainingMetrics> history, long totalSteps) {
        if (history.isEmpty()) return "step 0/" + Figures.count(totalSteps) + " · starting";
        TrainingMetrics first = history.get(0), last = history.get(history.size() - 1);
        StringBuilder s = new StringBuilder("step ")
                .append(Figures.count(last.step()))
                .append('/')
                .append(Figures.count(totalSteps));
        // the first line's steps and seconds are the baseline: a resumed run does not count the steps before it
        long steps = last.step() - (history.size() > 1 ? first.step() : 0);
        double seconds = last.seconds() - (history.size() > 1 ? first.seconds() : 0);
        if (steps > 0 && seconds > 0) {
            double rate = steps / seconds;
            s.append(String.format(Locale.ROOT, " · %s steps/s", Figures.significant(rate, 2)));
            long left = Math.max(0, totalSteps - last.step());
            if (left > 0) {
                s.append(" · ETA ").append(ProgressBar.format(Duration.ofSeconds((long) Math.ceil(left / rate))));
            } else {
                s.append(" · done");
            }
        }
        if (!Double.isNaN(last.loss())) s.append(" · loss ").append(Figures.significant(last.loss(), 3));
        for (int i = history.size() - 1; i >= 0; i--) {
            TrainingMetrics m = history.get(i);
            if (Double.isNaN(m.evalExact())) continue;
            s.append(" · held-out exact ").append(Figures.percent(m.evalExact()));
            if (!Double.isNaN(m.evalCell())) s.append(", cell ").append(Figures.percent(m.evalCell()));
            s.append(" (step ").append(Figures.count(m.step())).append(')');
            break;
        }
        return s.toString();
    }
}
