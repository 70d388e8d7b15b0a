package org.looplab.bench;

import java.util.Locale;

/**
 * One mixer's training step on both sides, split by kind of work ({@link CpuWork}) from a sampling profiler, and
 * what the speed targets (≥ 1.2× PyTorch, ≥ 60% of the matmul ceiling; docs/benchmarks.md) would need of each part.
 *
 * <p>On one core a kind's time is its share of the samples times the mean step over the measured window: one thread
 * on one core, so samples follow CPU time and CPU time follows wall time, and the targets become arithmetic on the
 * parts. On several cores the samples of all of them add up to CPU time, not wall time: each kind is then shown as
 * CPU ms per step (samples ÷ {@link PerfSampler#HZ}), beside each side's wall time, and no bound is drawn.
 *
 * @param stepFlop matmul FLOPs of one step ({@link StepBenchmark#stepFlops})
 * @param oneCore  both runs were on one core with one thread in every pool
 */
public record CpuSplitComparison(
        StepReport djl, CpuSplit djlSplit, StepReport torch, CpuSplit torchSplit, double stepFlop, boolean oneCore) {
    public static final double SPEED_UP_TARGET = 1.2, CEILING_TARGET = 0.6;

    public CpuSplitComparison {
        if (Double.isNaN(djl.windowMsPerStep()) || Double.isNaN(torch.windowMsPerStep()))
            throw new IllegalArgumentException(
                    "both reports need their measured window (measuredFromNs, measuredToNs)");
    }

    public double djlMs(CpuWork w) {
        return ms(djlSplit, djl, djlSplit.samples(w));
    }

    public double torchMs(CpuWork w) {
        return ms(torchSplit, torch, torchSplit.samples(w));
    }

    /** Per step: on one core a share of the mean wall step, on several the samples' CPU time. */
    private double ms(CpuSplit split, StepReport r, long samples) {
        return oneCore
                ? (double) samples / split.total() * r.windowMsPerStep()
                : samples * 1000.0 / PerfSampler.HZ / r.steps();
    }

    /** DJL's BLAS time per step: micro-kernels, packing and scaling. */
    public double djlBlasMs() {
        return djlSplit.blasShare() * djl.windowMsPerStep();
    }

    /** The longest DJL step that is still {@link #SPEED_UP_TARGET}× PyTorch's. */
    public double speedUpBudgetMs() {
        return torch.windowMsPerStep() / SPEED_UP_TARGET;
    }

    /** The best float32 n³ rate either side reached in its run (the bench tables' ceiling), 0 if none measured. */
    public double ceilingGflops() {
        return Math.max(djl.matmulGflops(), torch.matmulGflops());
    }

    public String table() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-54s  %14s  %14s  %9s%n",
                "kind of work (perf samples over the measured steps)",
                oneCore ? "DJL ms/step" : "DJL CPU ms/step",
                oneCore ? "PyTorch ms/step" : "PT CPU ms/step",
                "DJL − PT"));
        for (CpuWork w : CpuWork.values()) {
            if (djlSplit.samples(w) == 0 && torchSplit.samples(w) == 0) continue;
            out.append(String.format(
                    Locale.ROOT,
                    "%-54s  %7.0f (%3.0f%%)  %7.0f (%3.0f%%)  %+9.0f%n",
                    w.label(),
                    djlMs(w),
                    100 * djlSplit.share(w),
                    torchMs(w),
                    100 * torchSplit.share(w),
                    djlMs(w) - torchMs(w)));
        }
        if (!oneCore)
            out.append(String.format(
                    Locale.ROOT,
                    "%-54s  %7.0f         %7.0f          %+9.0f%n",
                    "CPU time of the whole step",
                    ms(djlSplit, djl, djlSplit.total()),
                    ms(torchSplit, torch, torchSplit.total()),
                    ms(djlSplit, djl, djlSplit.total()) - ms(torchSplit, torch, torchSplit.total())));
        out.append(String.format(
                Locale.ROOT,
                "%-54s  %7.0f         %7.0f          %+9.0f%n",
                oneCore ? "whole step (mean over the window)" : "wall time of the whole step (mean over the window)",
                djl.windowMsPerStep(),
                torch.windowMsPerStep(),
                djl.windowMsPerStep() - torch.windowMsPerStep()));
        out.append(String.format(
                Locale.ROOT,
                "samples: DJL %,d, PyTorch %,d (over %d and %d measured steps)%n",
                djlSplit.total(),
                torchSplit.total(),
                djl.steps(),
                torch.steps()));
        out.append(topSymbols("DJL", djlSplit)).append(topSymbols("PyTorch", torchSplit));
        return oneCore ? out.append(bounds()).toString() : out.toString();
    }

    /** The functions that took most of one side's samples, in ms per step. */
    private String topSymbols(String side, CpuSplit split) {
        StepReport r = split == djlSplit ? djl : torch;
        StringBuilder out = new StringBuilder(side + ", top functions:" + System.lineSeparator());
        for (CpuSplit.Symbol s : split.top())
            out.append(String.format(
                    Locale.ROOT,
                    "  %7.0f ms/step %5.1f%%  %-12s  %s%n",
                    ms(split, r, s.samples()),
                    100.0 * s.samples() / split.total(),
                    s.work().name(),
                    shorten(s.name())));
        return out.toString();
    }

    /** libtorch's kernel symbols run to hundreds of characters of template arguments; the kernel's name is inside. */
    static String shorten(String symbol) {
        String s = symbol.replace("c10::function_ref<void (char**, long const*, long, long)>::callback_fn<", "");
        return s.length() <= 110 ? s : s.substring(0, 107) + "...";
    }

    /** The two targets as arithmetic on the measured parts. */
    public String bounds() {
        double budget = speedUpBudgetMs(), blas = djlBlasMs(), rest = djl.windowMsPerStep() - blas;
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%.1f× PyTorch needs a DJL step of at most %.0f ms; DJL's BLAS alone takes %.0f ms a step (PyTorch's"
                        + " %.0f), ",
                SPEED_UP_TARGET,
                budget,
                blas,
                torchSplit.blasShare() * torch.windowMsPerStep()));
        if (blas >= budget)
            out.append("so the target is out of reach with this BLAS even if every other part of the step took no"
                    + " time");
        else
            out.append(String.format(
                    Locale.ROOT,
                    "which leaves %.0f ms for everything else, now %.0f ms (%.0f%% less needed)",
                    budget - blas,
                    rest,
                    100 * (1 - (budget - blas) / rest)));
        out.append(System.lineSeparator());
        double ceiling = ceilingGflops();
        if (ceiling > 0 && stepFlop > 0) {
            double blasRate = stepFlop / blas / 1e6, stepRate = stepFlop / djl.windowMsPerStep() / 1e6;
            out.append(String.format(
                    Locale.ROOT,
                    "%.0f%% of the %.1f GFLOP/s ceiling needs a step of at most %.0f ms; the step runs at %.1f GFLOP/s"
                            + " (%.0f%%), and its BLAS time alone at %.1f GFLOP/s (%.0f%%): no step can beat that%n",
                    100 * CEILING_TARGET,
                    ceiling,
                    stepFlop / (CEILING_TARGET * ceiling) / 1e6,
                    stepRate,
                    100 * stepRate / ceiling,
                    blasRate,
                    100 * blasRate / ceiling));
        }
        return out.toString();
    }
}
