package org.looplab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;

/**
 * How long one timed run trains unmeasured and measured: at least {@code warmupSteps} and {@code warmupSeconds}
 * unmeasured, then at least {@code steps} and {@code measureSeconds} measured. Seconds matter at small sizes: after a
 * count of warm-up steps a 50 ms step still shares its one core with the JIT compiling and classes loading (a 6×6
 * hidden-32 step took 79 ms after 3 warm-up steps, 53 after 40), and 3 measured steps of 50 ms fall into one GC or
 * recompilation pause as often as not (medians of 3 ranged 50–68 ms where medians of 60 held at 52–53). The benchmarks
 * run both sides on the same plan ({@code bench/trm_step.py} takes the same flags), so neither is timed outside its
 * steady state; {@link StepProbe} (notebook 00) times this machine's step on one too.
 */
public record TimingPlan(int warmupSteps, double warmupSeconds, int steps, double measureSeconds) {
    /** The most steps either phase runs past its step count to fill its seconds (trm_step.py has the same cap). */
    public static final int MAX_TIMED_STEPS = 2000;

    public TimingPlan {
        if (warmupSteps < 0 || warmupSeconds < 0 || steps < 1 || measureSeconds < 0)
            throw new IllegalArgumentException("need warm-up steps >= 0, warm-up seconds >= 0, measured steps >= 1,"
                    + " measured seconds >= 0; were " + warmupSteps + ", " + warmupSeconds + ", " + steps + ", "
                    + measureSeconds);
    }

    /** A plan by step counts alone, as before the seconds existed. */
    public static TimingPlan steps(int warmupSteps, int steps) {
        return new TimingPlan(warmupSteps, 0, steps, 0);
    }

    /**
     * What {@link #run} measured: how many warm-up units ran, each measured unit's ms in order, the measured window on
     * {@link System#nanoTime}'s clock, and the first and last values the units returned (a training step's loss).
     */
    public record Timed(int warmup, double[] ms, long fromNs, long toNs, double first, double last) {
        /** The median ms of a measured unit. */
        public double medianMs() {
            double[] sorted = ms.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /**
     * Runs {@code unit} through both phases: first unmeasured, then timed one by one.
     *
     * @param afterEach told the count of units run so far (both phases) after each one, e.g. to read memory
     */
    public Timed run(DoubleSupplier unit, IntConsumer afterEach) {
        List<Double> ms = new ArrayList<>();
        double first = 0, last = 0;
        int done = 0, warm = 0;
        long warmFrom = System.nanoTime(), from = 0, to = 0;
        boolean warming = true;
        while (true) {
            long t0 = System.nanoTime();
            if (warming && !goesOn(warm, warmupSteps, warmupSeconds, warmFrom, t0)) {
                warming = false;
                from = t0;
            }
            if (!warming && !goesOn(ms.size(), steps, measureSeconds, from, t0)) break;
            double value = unit.getAsDouble();
            long t1 = System.nanoTime();
            if (warming) warm++;
            else {
                ms.add((t1 - t0) / 1e6);
                to = t1;
            }
            if (done == 0) first = value;
            last = value;
            afterEach.accept(++done);
        }
        return new Timed(warm, ms.stream().mapToDouble(Double::doubleValue).toArray(), from, to, first, last);
    }

    /** Whether a phase that has run {@code done} of its {@code minSteps} steps, started at {@code fromNs}, goes on. */
    static boolean goesOn(int done, int minSteps, double seconds, long fromNs, long nowNs) {
        if (done < minSteps) return true;
        return done < minSteps + MAX_TIMED_STEPS && nowNs - fromNs < seconds * 1e9;
    }

    /** The flags that hand this plan to a child: {@code TrainBench}'s, {@code ScalingBench}'s or the script's. */
    public List<String> arguments() {
        List<String> a = new ArrayList<>(List.of("--warmup", "" + warmupSteps, "--steps", "" + steps));
        a.addAll(secondsArguments());
        return a;
    }

    /** The seconds' flags alone, for a child whose step counts are passed with its other flags. */
    public List<String> secondsArguments() {
        return List.of("--warmup-seconds", "" + warmupSeconds, "--measure-seconds", "" + measureSeconds);
    }

    /** For table headers: "5 s (≥ 1 step) warm-up + 2 s (≥ 3 steps) measured". */
    public String describe() {
        return phase(warmupSeconds, warmupSteps) + " warm-up + " + phase(measureSeconds, steps) + " measured";
    }

    private static String phase(double seconds, int steps) {
        String s = steps == 1 ? "1 step" : steps + " steps";
        return seconds > 0 ? String.format(Locale.ROOT, "%.0f s (≥ %s)", seconds, s) : s;
    }
}
