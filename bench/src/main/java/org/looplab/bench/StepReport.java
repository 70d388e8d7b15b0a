package org.looplab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.looplab.model.Mixer;
import org.looplab.provenance.Json;

/**
 * What one benchmark run of the TRM training step measured: one JSON line, written by {@link StepBenchmark} (DJL)
 * and by {@code bench/trm_step.py} (PyTorch) alike, so both sides are read by the same strict parser.
 *
 * @param side         {@code djl} or {@code pytorch}
 * @param warmup       unmeasured steps before the measured ones
 * @param steps        measured steps
 * @param params       trained parameters (puzzle table and buffers excluded), so the two sides can be checked equal
 * @param medianMs     median wall time of the measured steps
 * @param minMs        the fastest measured step (with {@code maxMs}: the spread the median hides)
 * @param maxMs        the slowest measured step
 * @param rssAtStep    the step (warm-up included) after which {@code rssAtMb} was read
 * @param rssAtMb      VmRSS after step {@code rssAtStep}
 * @param peakAtMb     peak RSS (VmHWM) after step {@code rssAtStep}: with {@code peakRssMb}, the growth of the peak
 * @param finalRssMb   VmRSS after the last step
 * @param peakRssMb    peak RSS of the process (VmHWM; getrusage maxrss in Python, the same kernel counter)
 * @param threads      intra-op threads the engine reported
 * @param matmulGflops best float32 n³ matmul rate of the same library in the same process; 0 when not measured
 * @param runtime      library, version and BLAS, in words
 * @param measuredFromNs CLOCK_MONOTONIC time (ns: Java's {@code System.nanoTime}, Python's {@code
 *                     time.perf_counter_ns} on Linux) when the first measured step began; 0: not recorded
 * @param measuredToNs the same clock when the last measured step ended: with {@code measuredFromNs} the window a
 *                     sampling profiler's samples are cut to ({@link CpuSplit}), so start-up and warm-up stay out
 */
public record StepReport(
        String side,
        Mixer mixer,
        int batch,
        int warmup,
        int steps,
        long params,
        double medianMs,
        double minMs,
        double maxMs,
        double firstLoss,
        double lastLoss,
        int rssAtStep,
        double rssAtMb,
        double peakAtMb,
        double finalRssMb,
        double peakRssMb,
        int threads,
        double matmulGflops,
        String runtime,
        long measuredFromNs,
        long measuredToNs) {

    public StepReport { // runs for `new` and for Jackson alike, so a bad line fails here and names the field
        if (!"djl".equals(side) && !"pytorch".equals(side))
            throw new IllegalArgumentException("side must be djl or pytorch, was " + side);
        if (mixer == null) throw new IllegalArgumentException("mixer must be given, was null");
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, was " + batch);
        if (warmup < 0) throw new IllegalArgumentException("warmup must be >= 0, was " + warmup);
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        if (params < 1) throw new IllegalArgumentException("params must be >= 1, was " + params);
        if (!(medianMs > 0) || Double.isInfinite(medianMs))
            throw new IllegalArgumentException("medianMs must be a positive time, was " + medianMs);
        if (!(minMs > 0 && minMs <= medianMs && medianMs <= maxMs) || Double.isInfinite(maxMs))
            throw new IllegalArgumentException(
                    "need 0 < minMs <= medianMs <= maxMs, was " + minMs + ", " + medianMs + ", " + maxMs);
        if (rssAtStep < 1 || rssAtStep > warmup + steps)
            throw new IllegalArgumentException("rssAtStep must be in 1.." + (warmup + steps) + ", was " + rssAtStep);
        if (!(matmulGflops >= 0)) throw new IllegalArgumentException("matmulGflops must be >= 0, was " + matmulGflops);
        if (runtime == null) throw new IllegalArgumentException("runtime must be given, was null");
        if (!(measuredFromNs == 0 && measuredToNs == 0) && !(0 < measuredFromNs && measuredFromNs < measuredToNs))
            throw new IllegalArgumentException("need measuredFromNs < measuredToNs (or both 0: not recorded), was "
                    + measuredFromNs + ", " + measuredToNs);
    }

    /** Mean wall time per measured step over the recorded window, NaN when it was not recorded. */
    public double windowMsPerStep() {
        return measuredToNs == 0 ? Double.NaN : (measuredToNs - measuredFromNs) / 1e6 / steps;
    }

    /** Reads one line; an error names {@code source} (the command that printed it) and the bad field. */
    public static StepReport parse(String line, String source) {
        return Json.read(line, StepReport.class, source);
    }

    /** One line of JSON (the shared mapper indents; a child process must print exactly one line). */
    public String toJsonLine() {
        try {
            return Json.mapper()
                    .writer()
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this, e);
        }
    }

    /** Mean step rate in GFLOP/s for a step of {@code stepFlop} matmul FLOPs. */
    public double gflops(double stepFlop) {
        return stepFlop / medianMs / 1e6;
    }

    /** VmRSS growth from step {@code rssAtStep} to the end, in MB. */
    public double rssGrowthMb() {
        return finalRssMb - rssAtMb;
    }

    /** Peak RSS growth from step {@code rssAtStep} to the end, in MB. */
    public double peakGrowthMb() {
        return peakRssMb - peakAtMb;
    }
}
