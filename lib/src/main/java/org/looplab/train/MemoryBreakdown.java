package org.looplab.train;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Where a benchmark process's resident memory sits, for the memory check's progress lines: VmRSS split into the JVM's
 * committed heap, its committed non-heap pools (JIT code cache, metaspace, compressed class space) and the rest,
 * which is native: libtorch's tensors and caches, glibc's malloc arenas, thread stacks. It is how README explains
 * the growth of the first few hundred steps from evidence rather than from a guess.
 *
 * @param rssMb     VmRSS
 * @param heapMb    committed Java heap
 * @param codeMb    committed JIT code cache
 * @param metaMb    committed metaspace and compressed class space
 */
public record MemoryBreakdown(double rssMb, double heapMb, double codeMb, double metaMb) {
    public static MemoryBreakdown now() {
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0;
        double code = 0, meta = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.NON_HEAP) continue;
            double mb = pool.getUsage().getCommitted() / 1048576.0;
            if (pool.getName().startsWith("CodeHeap") || pool.getName().equals("Code Cache")) code += mb;
            else meta += mb;
        }
        return new MemoryBreakdown(StepBenchmark.statusMb("VmRSS"), heap, code, meta);
    }

    /** VmRSS less the JVM's committed pools: what libtorch and malloc hold (an upper bound: heap pages count once touched). */
    public double nativeMb() {
        return rssMb - heapMb - codeMb - metaMb;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VmRSS %.0f MB = heap %.0f + JIT code %.0f + metaspace %.0f + native %.0f",
                rssMb, heapMb, codeMb, metaMb, nativeMb());
    }
}
