package org.looplab.train;

/**
 * Running sums of the steps between two metrics lines. A checkpoint keeps them ({@link #state()}), so a run resumed
 * between two log steps writes the same next line as an uninterrupted one.
 */
public final class MetricsWindow {
    /** The sums as saved; doubles survive JSON exactly (shortest round-trip form). */
    public record State(
            double loss,
            double answer,
            double halt,
            double cont,
            double exact,
            long steps,
            long halted,
            long right,
            long haltedSteps,
            long skipped) {}

    private State s = empty();

    private static State empty() {
        return new State(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    void add(StepResult r) {
        s = new State(
                s.loss() + r.loss(),
                s.answer() + r.answerLoss(),
                s.halt() + r.haltLoss(),
                s.cont() + r.continueLoss(),
                s.exact() + r.exact(),
                s.steps() + 1,
                s.halted() + r.halted(),
                s.right() + r.haltedRight(),
                s.haltedSteps() + r.haltedSteps(),
                s.skipped() + (r.skipped() ? 1 : 0));
    }

    /** The averages since the last line, then starts a new window. */
    TrainingMetrics close(long step, double seconds, double lr, double evalExact, double evalCell) {
        long n = Math.max(1, s.steps());
        TrainingMetrics m = new TrainingMetrics(
                step,
                seconds,
                lr,
                s.loss() / n,
                s.answer() / n,
                s.halt() / n,
                s.cont() / n,
                s.exact() / n,
                s.halted() > 0 ? (double) s.right() / s.halted() : Double.NaN,
                s.halted() > 0 ? (double) s.haltedSteps() / s.halted() : Double.NaN,
                evalExact,
                evalCell,
                s.skipped());
        s = empty();
        return m;
    }

    State state() {
        return s;
    }

    void restore(State saved) {
        s = saved;
    }
}
