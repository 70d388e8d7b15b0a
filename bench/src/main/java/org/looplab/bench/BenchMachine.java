package org.looplab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The machine line a benchmark prints first, so a committed table says where and when it was made: the CPU model,
 * the cores this JVM may use, the load average before the run and the UTC time.
 */
public final class BenchMachine {
    private BenchMachine() {}

    /** "AMD EPYC 9R14, 2 cores, load average 0.10 0.20 0.30 before the run, 2026-12-07T09:12Z". */
    public static String describe() {
        return String.format(
                Locale.ROOT,
                "%s, %d cores, load average %s before the run (other jobs make every timing slower and noisier), %s",
                cpuModel(Path.of("/proc/cpuinfo")),
                Runtime.getRuntime().availableProcessors(),
                TrainBench.loadAverage(),
                Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    /** The first "model name" of a cpuinfo file, or "unknown CPU" where there is none. */
    static String cpuModel(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                int colon = line.indexOf(':');
                if (line.startsWith("model name") && colon > 0)
                    return line.substring(colon + 1).strip();
            }
        } catch (IOException e) {
            return "unknown CPU (" + cpuinfo + ": " + e.getMessage() + ")";
        }
        return "unknown CPU";
    }
}
