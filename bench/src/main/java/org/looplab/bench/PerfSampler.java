package org.looplab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark child under Linux's sampling profiler, {@code perf record}, and reads the samples of its measured
 * steps back as a {@link CpuSplit}. Samples carry CLOCK_MONOTONIC time stamps ({@code -k CLOCK_MONOTONIC}), the
 * clock both children read around their measured steps ({@link StepReport#measuredFromNs()}), so start-up, the
 * matmul probe and warm-up are cut away. A software clock event ({@code cpu-clock}) works in VMs without hardware
 * counters.
 */
final class PerfSampler {
    static final int HZ = 499; // not a divisor of the kernel's tick, so samples do not lock onto periodic work

    private PerfSampler() {}

    /** {@code command} run under {@code perf record}, its samples into {@code data}. */
    static List<String> wrap(List<String> command, Path data) {
        List<String> out = new ArrayList<>(List.of(
                "perf",
                "record",
                "-q",
                "-k",
                "CLOCK_MONOTONIC",
                "-F",
                "" + HZ,
                "-e",
                "cpu-clock",
                "-o",
                data.toString(),
                "--"));
        out.addAll(command);
        return out;
    }

    /** The samples of {@code data} inside the measured window of {@code report}. */
    static CpuSplit read(Path data, StepReport report) {
        List<String> cmd = List.of(
                "perf",
                "report",
                "-i",
                data.toString(),
                "--stdio",
                "-q",
                "--sort",
                "dso,sym",
                "-F",
                "sample,dso,sym",
                "--time",
                seconds(report.measuredFromNs()) + "," + seconds(report.measuredToNs()));
        String source = String.join(" ", cmd);
        try {
            Path out = Files.createTempFile("perf-report", ".txt");
            try {
                Process p = new ProcessBuilder(cmd)
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(source + ": took over 10 minutes");
                }
                if (p.exitValue() != 0) throw new IllegalStateException(source + ": exit code " + p.exitValue());
                return CpuSplit.parse(Files.readAllLines(out, StandardCharsets.UTF_8), source);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(source + ": interrupted", e);
        }
    }

    /** perf's {@code --time} format: seconds with microseconds. */
    static String seconds(long ns) {
        return String.format(Locale.ROOT, "%d.%06d", ns / 1_000_000_000L, ns % 1_000_000_000L / 1_000);
    }

    /** Null when {@code perf record} can sample a process here, else why not. */
    static String problem() {
        try {
            Path data = Files.createTempFile("perf-probe", ".data");
            try {
                Process p = new ProcessBuilder(wrap(List.of("true"), data))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "perf record took over a minute to sample `true`";
                }
                return p.exitValue() == 0
                        ? null
                        : "perf record failed (exit " + p.exitValue()
                                + "): kernel.perf_event_paranoid may forbid it, or perf does not match this kernel";
            } finally {
                Files.deleteIfExists(data);
            }
        } catch (IOException e) {
            return "perf not found (Debian: apt-get install linux-perf)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
