package org.looplab.bench;

import java.util.List;
import java.util.Locale;
import org.looplab.model.Mixer;

/**
 * The verdicts of {@code make bench} on the training step (issues #5 and #13), from measured {@link StepReport}s: the ratio
 * table against the PyTorch reference and the matmul ceiling, and the memory-growth table. Pure arithmetic, so it
 * can be tested on given numbers; nothing here is timed.
 */
public final class StepBenchTable {
    /** Our step must be at least this many times faster than the PyTorch script's. */
    public static final double SPEEDUP_TARGET = 1.2;
    /** Our step's FLOP rate must reach this fraction of the best matmul rate measured in the same run. */
    public static final double CEILING_TARGET = 0.60;
    /** VmRSS may grow at most this fraction between the early and the final reading. */
    public static final double GROWTH_TARGET = 0.03;

    private StepBenchTable() {}

    public enum Verdict {
        PASS,
        MISS,
        NOT_RUN
    }

    /**
     * One mixer's timing: ours, PyTorch's (null when it did not run), the step's matmul FLOPs and the ceiling (the
     * best matmul GFLOP/s either library reached on this CPU in this run).
     */
    public record SpeedRow(StepReport djl, StepReport pytorch, double stepFlop, double ceilingGflops) {
        public SpeedRow {
            if (djl == null || !djl.side().equals("djl")) throw new IllegalArgumentException("djl: need a djl report");
            if (pytorch != null && (!pytorch.side().equals("pytorch") || pytorch.mixer() != djl.mixer()))
                throw new IllegalArgumentException("pytorch: need a pytorch report for " + djl.mixer());
        }

        public Mixer mixer() {
            return djl.mixer();
        }

        /** PyTorch ms ÷ our ms; NaN without PyTorch. */
        public double speedup() {
            return pytorch == null ? Double.NaN : pytorch.medianMs() / djl.medianMs();
        }

        public double ceilingFraction() {
            return ceilingGflops > 0 ? djl.gflops(stepFlop) / ceilingGflops : Double.NaN;
        }

        public Verdict speedVerdict() {
            return verdict(speedup(), SPEEDUP_TARGET);
        }

        public Verdict ceilingVerdict() {
            return verdict(ceilingFraction(), CEILING_TARGET);
        }

        /** Whether both sides built the same model; null without PyTorch. */
        public Boolean paramsMatch() {
            return pytorch == null ? null : pytorch.params() == djl.params();
        }
    }

    /**
     * One memory run: VmRSS and the peak RSS (VmHWM) at its early step against the end. Both must stay within the
     * target: an allocator that returns memory makes VmRSS move up and down, and a reading taken in a dip would hide
     * growth that the peak keeps.
     */
    public record MemoryRow(StepReport run) {
        public double growthFraction() {
            return run.rssAtMb() > 0 ? run.rssGrowthMb() / run.rssAtMb() : Double.NaN;
        }

        /** NaN where the run did not read the early peak (a report without it). */
        public double peakGrowthFraction() {
            return run.peakAtMb() > 0 ? run.peakGrowthMb() / run.peakAtMb() : Double.NaN;
        }

        /** NOT_RUN when the run was too short to read VmRSS before its end; else the worse of the two growths. */
        public Verdict verdict() {
            if (run.rssAtStep() >= run.warmup() + run.steps()) return Verdict.NOT_RUN;
            double g = growthFraction(), p = peakGrowthFraction();
            if (Double.isNaN(g) || Double.isNaN(p)) return Verdict.NOT_RUN;
            return Math.max(g, p) <= GROWTH_TARGET ? Verdict.PASS : Verdict.MISS;
        }
    }

    static Verdict verdict(double value, double target) {
        if (Double.isNaN(value)) return Verdict.NOT_RUN;
        return value >= target ? Verdict.PASS : Verdict.MISS;
    }

    /** The ratio table: one line per mixer, targets and verdicts in their own columns. */
    public static String speedTable(List<SpeedRow> rows) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-9s  %-19s  %8s  %10s  %8s  %-10s  %8s  %8s  %7s  %-10s  %-23s  %s%n",
                "mixer",
                "params DJL|PyTorch",
                "DJL ms",
                "PyTorch ms",
                "speed-up",
                "≥" + SPEEDUP_TARGET + "×",
                "DJL GF/s",
                "PT GF/s",
                "of ceil",
                "≥" + Math.round(100 * CEILING_TARGET) + "%",
                "peak RSS MB DJL|PyTorch",
                "spread ms DJL|PyTorch"));
        for (SpeedRow r : rows) {
            StepReport d = r.djl(), p = r.pytorch();
            String params =
                    p == null ? d.params() + " | —" : d.params() + (r.paramsMatch() ? " = " : " ≠ ") + p.params();
            out.append(String.format(
                    Locale.ROOT,
                    "%-9s  %-19s  %8.0f  %10s  %8s  %-10s  %8.1f  %8s  %7s  %-10s  %-23s  %s%n",
                    r.mixer(),
                    params,
                    d.medianMs(),
                    p == null ? "—" : String.format(Locale.ROOT, "%.0f", p.medianMs()),
                    p == null ? "—" : String.format(Locale.ROOT, "%.2f×", r.speedup()),
                    label(r.speedVerdict()),
                    d.gflops(r.stepFlop()),
                    p == null ? "—" : String.format(Locale.ROOT, "%.1f", p.gflops(r.stepFlop())),
                    Double.isNaN(r.ceilingFraction())
                            ? "—"
                            : String.format(Locale.ROOT, "%.0f%%", 100 * r.ceilingFraction()),
                    label(r.ceilingVerdict()),
                    String.format(
                            Locale.ROOT,
                            "%.0f | %s",
                            d.peakRssMb(),
                            p == null ? "—" : String.format(Locale.ROOT, "%.0f", p.peakRssMb())),
                    spread(d) + " | " + (p == null ? "—" : spread(p))));
        }
        return out.toString();
    }

    /** The fastest and slowest measured step, "4400–4700": the spread behind a median of few steps. */
    static String spread(StepReport r) {
        return String.format(Locale.ROOT, "%.0f–%.0f", r.minMs(), r.maxMs());
    }

    /** The memory table: VmRSS and peak RSS early and at the end, their growths, verdict (both within target). */
    public static String memoryTable(List<MemoryRow> rows) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-8s  %-9s  %5s  %6s  %12s  %12s  %9s  %8s  %14s  %12s  %8s  %s%n",
                "side",
                "mixer",
                "batch",
                "steps",
                "RSS@early MB",
                "RSS@end MB",
                "growth MB",
                "growth",
                "peak@early MB",
                "peak@end MB",
                "growth",
                "≤" + Math.round(100 * GROWTH_TARGET) + "%"));
        for (MemoryRow m : rows) {
            StepReport r = m.run();
            out.append(String.format(
                    Locale.ROOT,
                    "%-8s  %-9s  %5d  %6d  %12s  %12.0f  %+9.0f  %+7.1f%%  %14.0f  %12.0f  %+7.1f%%  %s%n",
                    r.side(),
                    r.mixer(),
                    r.batch(),
                    r.warmup() + r.steps(),
                    String.format(Locale.ROOT, "%.0f @%d", r.rssAtMb(), r.rssAtStep()),
                    r.finalRssMb(),
                    r.rssGrowthMb(),
                    100 * m.growthFraction(),
                    r.peakAtMb(),
                    r.peakRssMb(),
                    100 * m.peakGrowthFraction(),
                    label(m.verdict())));
        }
        return out.toString();
    }

    static String label(Verdict v) {
        return v == Verdict.NOT_RUN ? "—" : v.name();
    }
}
