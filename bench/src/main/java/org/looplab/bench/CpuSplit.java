package org.looplab.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the CPU time of measured training steps went by kind of work ({@link CpuWork}): the samples of {@code perf
 * report -F sample,dso,sym} over the measured window, summed per kind.
 *
 * @param samples samples per kind (every kind present, 0 where none)
 * @param total   all samples in the window
 * @param top     the symbols with the most samples, most first ({@link #TOP} at most)
 */
public record CpuSplit(Map<CpuWork, Long> samples, long total, List<Symbol> top) {
    static final int TOP = 12;

    /** One function: where perf found it, its kind and its samples. */
    public record Symbol(String dso, String name, CpuWork work, long samples) {}

    public CpuSplit {
        samples = Map.copyOf(samples);
        top = List.copyOf(top);
        long sum = samples.values().stream().mapToLong(Long::longValue).sum();
        if (sum != total) throw new IllegalArgumentException("samples add up to " + sum + ", not " + total);
        if (total < 1) throw new IllegalArgumentException("no samples in the measured window");
    }

    // "   1234  libtorch_cpu.so  [.] mkl_blas_def_sgemm_kernel_0_zen": count, shared object, [.] user or [k] kernel
    private static final Pattern LINE = Pattern.compile("^\\s*(\\d+)\\s+(\\S.*?)\\s+\\[([.k])\\]\\s+(.*)$");

    /**
     * Reads {@code perf report --stdio -q -F sample,dso,sym} output; a line it cannot read fails with its number and
     * {@code source}. A shared object's name may contain a space ({@code [JIT] tid 42}); the symbol marker
     * ({@code [.]} or {@code [k]}) ends it.
     */
    public static CpuSplit parse(List<String> lines, String source) {
        Map<CpuWork, Long> by = new EnumMap<>(CpuWork.class);
        for (CpuWork w : CpuWork.values()) by.put(w, 0L);
        long total = 0;
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches())
                throw new IllegalArgumentException(
                        source + ", line " + (i + 1) + ": not a 'samples dso [.] symbol' line: " + line.strip());
            long n = Long.parseLong(m.group(1));
            String dso = m.group(2), name = m.group(4).strip();
            CpuWork w = CpuWork.of(dso, name);
            by.merge(w, n, Long::sum);
            symbols.add(new Symbol(dso, name, w, n));
            total += n;
        }
        if (total == 0) throw new IllegalArgumentException(source + ": no samples in the measured window");
        symbols.sort(Comparator.comparingLong(Symbol::samples).reversed());
        return new CpuSplit(by, total, symbols.subList(0, Math.min(TOP, symbols.size())));
    }

    public long samples(CpuWork w) {
        return samples.get(w);
    }

    public double share(CpuWork w) {
        return (double) samples(w) / total;
    }

    /** The BLAS's share: its micro-kernels plus packing and scaling. */
    public double blasShare() {
        return share(CpuWork.BLAS_KERNEL) + share(CpuWork.BLAS_PACKING);
    }
}
