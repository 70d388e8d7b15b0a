package org.looplab.bench;

import java.util.Locale;

/**
 * The kinds of work a sampling profiler ({@code perf}) finds in a training step, told apart by the library and symbol
 * each sample landed in. Sampling needs no hook per op, so unlike libtorch's profiler it does not slow the ops it
 * watches (README, Benchmarks: the op profile's attention step ran 40% slower than unprofiled), and it sees inside
 * the BLAS: a GEMM's micro-kernel apart from the packing of its operands and the scaling of its output.
 */
public enum CpuWork {
    BLAS_KERNEL("BLAS: GEMM micro-kernels"),
    BLAS_PACKING("BLAS: packing operands, scaling C, dispatch"),
    LIBTORCH("libtorch: element-wise, reductions, copies, autograd"),
    LIBC("libc: memset, memcpy, malloc"),
    OS("kernel: page faults, scheduling, system calls"),
    RUNTIME("runtime: JVM and JIT, or Python; bindings"),
    OTHER("other");

    private final String label;

    CpuWork(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The kind of a sample in {@code dso} (the shared object perf names: {@code libtorch_cpu.so},
     * {@code [kernel.kallsyms]}, {@code [JIT] tid 42}) at {@code symbol}. DJL's libtorch links MKL statically, so its
     * BLAS is told by the {@code mkl_} prefix; Debian's torch calls OpenBLAS, a library of its own.
     */
    public static CpuWork of(String dso, String symbol) {
        String d = dso.toLowerCase(Locale.ROOT);
        boolean blas = d.contains("openblas")
                || d.startsWith("libblas")
                || symbol.startsWith("mkl_")
                || symbol.equals("SGEMM")
                || symbol.startsWith("cblas_");
        if (blas) return symbol.contains("_kernel") ? BLAS_KERNEL : BLAS_PACKING;
        if (d.startsWith("[kernel") || d.startsWith("[vdso")) return OS;
        if (d.startsWith("libc.so") || d.startsWith("libc-")) return LIBC;
        if (d.contains("python")
                || d.startsWith("libjvm")
                || d.startsWith("[jit]")
                || d.contains("djl_torch")
                || d.startsWith("libjava")
                || d.startsWith("libjli")
                || d.startsWith("libnio")
                || d.startsWith("libzip")
                || d.startsWith("libz.")
                || d.startsWith("ld-linux")
                || d.startsWith("libjnidispatch")
                || d.startsWith("jna")) return RUNTIME;
        if (d.startsWith("libtorch")
                || d.startsWith("libc10")
                || d.startsWith("libsleef")
                || d.startsWith("libgomp")
                || d.startsWith("libiomp")
                || d.startsWith("libm.so")
                || d.startsWith("libm-")) return LIBTORCH;
        return OTHER;
    }
}
