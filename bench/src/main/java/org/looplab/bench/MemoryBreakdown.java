package org.looplab.bench;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Where a benchmark process's resident memory sits, for the memory check's progress lines: VmRSS next to what glibc's
 * malloc holds from the system (libtorch allocates tensors with it) and how much of that is in use, and the JVM's
 * committed heap, JIT code cache and metaspace. README explains the growth of the first few hundred steps from these
 * readings rather than from a guess. The malloc is jemalloc where it was preloaded ({@code LD_PRELOAD}, as the
 * Makefile's {@code MALLOC_PRELOAD} does), else glibc's.
 *
 * @param rssMb         VmRSS
 * @param peakMb        peak RSS so far (VmHWM)
 * @param allocator     {@code jemalloc}, {@code glibc malloc} or {@code unknown malloc}
 * @param mallocHeldMb  glibc: arena bytes plus mmapped chunks ({@code mallinfo2} arena + hblkhd), all arenas;
 *                      jemalloc: its resident pages ({@code stats.resident}: live, dirty and metadata); NaN where
 *                      neither can be read
 * @param mallocUsedMb  of which allocated and not yet freed (glibc: uordblks + hblkhd; jemalloc: stats.allocated)
 * @param heapMb        committed Java heap (committed is not resident until touched)
 * @param codeMb        committed JIT code cache
 * @param metaMb        committed metaspace and compressed class space
 */
public record MemoryBreakdown(
        double rssMb,
        double peakMb,
        String allocator,
        double mallocHeldMb,
        double mallocUsedMb,
        double heapMb,
        double codeMb,
        double metaMb) {
    private static final double MB = 1048576.0;

    public static MemoryBreakdown now() {
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / MB;
        double code = 0, meta = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.NON_HEAP) continue;
            double mb = pool.getUsage().getCommitted() / MB;
            if (pool.getName().startsWith("CodeHeap") || pool.getName().equals("Code Cache")) code += mb;
            else meta += mb;
        }
        double held = Double.NaN, used = Double.NaN;
        String allocator = "unknown malloc";
        if (Jemalloc.MALLCTL != null) {
            allocator = "jemalloc";
            Jemalloc.refresh();
            held = Jemalloc.read("stats.resident") / MB;
            used = Jemalloc.read("stats.allocated") / MB;
        } else {
            MallInfo2 m = GlibcMalloc.info();
            if (m != null) {
                allocator = "glibc malloc";
                held = (m.arena + m.hblkhd) / MB;
                used = (m.uordblks + m.hblkhd) / MB;
            }
        }
        return new MemoryBreakdown(
                StepBenchmark.statusMb("VmRSS"),
                StepBenchmark.statusMb("VmHWM"),
                allocator,
                held,
                used,
                heap,
                code,
                meta);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "VmRSS %.0f MB (peak %.0f); %s holds %.0f MB, %.0f in use; Java heap committed %.0f, "
                        + "JIT code %.1f, metaspace %.0f",
                rssMb,
                peakMb,
                allocator,
                mallocHeldMb,
                mallocUsedMb,
                heapMb,
                codeMb,
                metaMb);
    }

    /** glibc's {@code struct mallinfo2} (glibc 2.33+): ten size_t fields. */
    @Structure.FieldOrder({
        "arena",
        "ordblks",
        "smblks",
        "hblks",
        "hblkhd",
        "usmblks",
        "fsmblks",
        "uordblks",
        "fordblks",
        "keepcost"
    })
    public static class MallInfo2 extends Structure {
        public static class ByValue extends MallInfo2 implements Structure.ByValue {}

        public long arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    /** Null where there is no glibc with mallinfo2 (another libc, an older glibc, not Linux). */
    private static final class GlibcMalloc {
        interface C extends Library {
            MallInfo2.ByValue mallinfo2();
        }

        private static final C LIBC = load();

        private static C load() {
            if (!Platform.isLinux()) return null;
            try {
                return Native.load("c", C.class);
            } catch (UnsatisfiedLinkError e) {
                return null;
            }
        }

        static MallInfo2 info() {
            if (LIBC == null) return null;
            try {
                return LIBC.mallinfo2();
            } catch (UnsatisfiedLinkError e) {
                return null; // glibc older than 2.33
            }
        }
    }

    /** jemalloc's {@code mallctl}, found among the process's symbols; null where jemalloc is not loaded. */
    private static final class Jemalloc {
        static final Function MALLCTL = find();

        private static Function find() {
            if (!Platform.isLinux()) return null;
            try {
                return NativeLibrary.getProcess().getFunction("mallctl");
            } catch (UnsatisfiedLinkError e) {
                return null;
            }
        }

        /** jemalloc caches its statistics; writing "epoch" refreshes them. */
        static void refresh() {
            Memory epoch = new Memory(8), len = new Memory(8);
            epoch.setLong(0, 1);
            len.setLong(0, 8);
            MALLCTL.invokeInt(new Object[] {"epoch", epoch, len, epoch, 8L});
        }

        /** A size_t statistic in bytes, NaN where jemalloc refuses the name. */
        static double read(String name) {
            Memory value = new Memory(8), len = new Memory(8);
            len.setLong(0, 8);
            int rc = MALLCTL.invokeInt(new Object[] {name, value, len, Pointer.NULL, 0L});
            return rc == 0 ? value.getLong(0) : Double.NaN;
        }
    }
}
