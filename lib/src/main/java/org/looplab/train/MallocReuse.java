package org.looplab.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps the memory of freed tensors in the process for the next ones, instead of handing it back to the kernel and
 * faulting it in again, zero-filled, a few milliseconds later. libtorch allocates every CPU tensor with glibc's
 * malloc (64-byte aligned), and a training step makes and frees hundreds of tensors of 1–8 MB (at batch 64, hidden
 * 64, a 6×6 Sudoku: {@code [64, 52, 512]} gate/up projections and their gradients). By default glibc serves a chunk
 * above its mmap threshold with a fresh {@code mmap} and gives it back with {@code munmap} when freed, and trims a
 * heap whose free top exceeds 128 KB; either way the next allocation of that size touches new pages, and each first
 * touch is a page fault that the kernel answers with a zeroed page.
 *
 * <p>{@link #apply()} sets two of glibc's malloc parameters with {@code mallopt}: the mmap threshold to its maximum
 * (32 MiB on 64-bit), so every tensor below that comes from the arenas, and the trim threshold to 1 GiB, so freed
 * memory stays mapped for reuse. Both, not one: setting either stops glibc's own adaptation of the mmap threshold
 * (which by default rises to the size of the chunks freed), and the trim threshold alone leaves it at 128 KiB, where
 * every tensor is a fresh mmap: measured on the small config below, that made a step several times slower (over
 * 30 s of CPU for what took 12 s). The values of every tensor are unchanged: which address a tensor gets is not part
 * of its arithmetic (libtorch aligns every allocation to 64 bytes either way), so training stays bitwise equal
 * (checked with {@code looplab compare}: docs/journal.md, the small config). Measured on the small TRM config (6×6 Sudoku, hidden
 * 64, n 1, T 1, batch 64, one thread): a quarter to a third fewer minor page faults per process and ~20% less
 * system time; the step's CPU time fell at n 2, T 2 (534 → 434 ms, median of five alternating pairs) and did not
 * change measurably at n 1, T 1 (docs/journal.md, the small config).
 *
 * <p>RSS: memory a step freed is kept rather than returned, so VmRSS reaches the step's high-water mark early and
 * stays there instead of dropping and re-growing. Off with {@code -Dlooplab.malloc=default}; a no-op where there is no
 * glibc (another libc, not Linux).
 */
public final class MallocReuse {
    /** glibc's {@code mallopt} parameter numbers (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3;

    static final int MMAP_THRESHOLD = 32 << 20; // glibc's maximum on 64-bit (HEAP_MAX_SIZE / 2)
    static final int TRIM_THRESHOLD = 1 << 30;

    private static volatile Boolean applied; // null until the first call

    private MallocReuse() {}

    interface C extends Library {
        int mallopt(int param, int value);
    }

    /**
     * Sets the parameters once per process (later calls return the first result): whether glibc accepted both.
     */
    public static synchronized boolean apply() {
        if (applied == null) applied = set();
        return applied;
    }

    private static boolean set() {
        if ("default".equals(System.getProperty("looplab.malloc"))) return false;
        if (!Platform.isLinux()) return false;
        try {
            C libc = Native.load("c", C.class);
            // mallopt returns 1 on success, 0 on a rejected value
            return libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                    & libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
        } catch (UnsatisfiedLinkError e) {
            return false; // no glibc
        }
    }
}
