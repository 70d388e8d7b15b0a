package org.looplab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.model.Mixer;

/** The sampled split: symbol kinds, perf's report format, the targets' arithmetic, and perf itself where it runs. */
class CpuSplitTest {
    /** Lines as `perf report --stdio -q -F sample,dso,sym` printed them for the two sides' training steps. */
    private static final List<String> DJL_LINES = List.of(
            "           600  libtorch_cpu.so         [.] mkl_blas_def_sgemm_kernel_0_zen",
            "           100  libtorch_cpu.so         [.] mkl_blas_def_sgemm_scopy_right4_bdz",
            "            50  libtorch_cpu.so         [.] mkl_blas_def_sgemm_mscale",
            "           150  libtorch_cpu.so         [.] c10::function_ref<void (char**, long const*, long, long)>"
                    + "::callback_fn<at::native::AVX2::VectorizedLoop2d<at::native::(anonymous namespace)::mul_kernel",
            "            40  libc.so.6               [.] __memmove_avx512_unaligned_erms",
            "            20  [kernel.kallsyms]       [k] clear_page_erms",
            "            25  [JIT] tid 32293         [.] 0x00007f465e351749",
            "            10  0.36.0-libdjl_torch.so  [.] Java_ai_djl_pytorch_jni_PyTorchLibrary_torchNNLinear",
            "             5  libjvm.so               [.] PhaseChaitin::post_allocate_copy_removal",
            "",
            "# a comment line perf may print");

    private static final List<String> TORCH_LINES = List.of(
            "           500  libopenblasp-r0.3.21.so     [.] sgemm_kernel_COOPERLAKE",
            "            40  libopenblasp-r0.3.21.so     [.] sgemm_small_kernel_b0_nn_COOPERLAKE",
            "            60  libopenblasp-r0.3.21.so     [.] sgemm_oncopy_COOPERLAKE",
            "           150  libtorch_cpu.so.1.13.0      [.] 0x0000000004db2357",
            "            50  libsleef.so.3.5.1           [.] Sleef_finz_expf8_u10avx2",
            "            20  libc.so.6                   [.] __memset_avx512_unaligned_erms",
            "            10  python3.11                  [.] _PyEval_EvalFrameDefault");

    @Test
    void symbolsAreSortedIntoKinds() {
        assertEquals(CpuWork.BLAS_KERNEL, CpuWork.of("libtorch_cpu.so", "mkl_blas_def_sgemm_kernel_0_zen"));
        assertEquals(CpuWork.BLAS_PACKING, CpuWork.of("libtorch_cpu.so", "mkl_blas_def_sgemm_mscale"));
        assertEquals(CpuWork.BLAS_KERNEL, CpuWork.of("libopenblasp-r0.3.21.so", "sgemm_small_kernel_b0_nt_COOPERLAKE"));
        assertEquals(CpuWork.BLAS_PACKING, CpuWork.of("libopenblasp-r0.3.21.so", "sgemm_itcopy_COOPERLAKE"));
        // libtorch's own kernels are not BLAS although their names say "kernel"
        assertEquals(CpuWork.LIBTORCH, CpuWork.of("libtorch_cpu.so", "at::native::cat_serial_kernel"));
        assertEquals(CpuWork.LIBTORCH, CpuWork.of("libsleef.so.3.5.1", "Sleef_finz_expf16_u10avx512f"));
        assertEquals(CpuWork.LIBC, CpuWork.of("libc.so.6", "__memset_avx512_unaligned_erms"));
        assertEquals(CpuWork.OS, CpuWork.of("[kernel.kallsyms]", "clear_page_erms"));
        assertEquals(CpuWork.RUNTIME, CpuWork.of("[JIT] tid 7", "0x00007f465e351749"));
        assertEquals(CpuWork.RUNTIME, CpuWork.of("0.36.0-libdjl_torch.so", "JNIEnv_::GetLongArrayElements"));
        assertEquals(CpuWork.RUNTIME, CpuWork.of("libtorch_python.so.1.13.0", "0x1"));
        assertEquals(CpuWork.OTHER, CpuWork.of("[unknown]", "0x1"));
    }

    @Test
    void perfReportLinesAddUpPerKind() {
        CpuSplit s = CpuSplit.parse(DJL_LINES, "djl.data");
        assertEquals(1000, s.total());
        assertEquals(600, s.samples(CpuWork.BLAS_KERNEL));
        assertEquals(150, s.samples(CpuWork.BLAS_PACKING));
        assertEquals(150, s.samples(CpuWork.LIBTORCH));
        assertEquals(40, s.samples(CpuWork.RUNTIME)); // JIT (a dso name with spaces), JNI glue, the JVM
        assertEquals(0.75, s.blasShare(), 1e-12);
        assertEquals("mkl_blas_def_sgemm_kernel_0_zen", s.top().get(0).name());
        assertEquals(CpuWork.LIBTORCH, s.top().get(1).work());
    }

    @Test
    void aBadLineOrAnEmptyWindowIsNamed() {
        var bad = assertThrows(
                IllegalArgumentException.class,
                () -> CpuSplit.parse(List.of("  12  libc.so.6  [.] memset", "Warning: lost samples"), "x.data"));
        assertTrue(
                bad.getMessage().contains("x.data, line 2") && bad.getMessage().contains("lost samples"));
        var empty = assertThrows(IllegalArgumentException.class, () -> CpuSplit.parse(List.of(""), "y.data"));
        assertTrue(empty.getMessage().contains("y.data") && empty.getMessage().contains("no samples"));
    }

    private static StepReport report(String side, double ms, int steps, double ceiling) {
        long from = 1_000_000_000L;
        return new StepReport(
                side,
                Mixer.MLP,
                64,
                2,
                steps,
                1,
                ms,
                ms,
                ms,
                2,
                2,
                1,
                1,
                1,
                1,
                1,
                1,
                ceiling,
                "t",
                from,
                from + Math.round(ms * 1e6) * steps);
    }

    /** The lines above as DJL and PyTorch runs of 4 steps at the given ms, 60 GFLOP a step, ceilings 90 and 100. */
    private static CpuSplitComparison comparison(double djlMs, double torchMs, boolean oneCore) {
        return new CpuSplitComparison(
                report("djl", djlMs, 4, 90),
                CpuSplit.parse(DJL_LINES, "d"),
                report("pytorch", torchMs, 4, 100),
                CpuSplit.parse(TORCH_LINES, "t"),
                60e9,
                oneCore);
    }

    @Test
    void targetsBecomeArithmeticOnTheParts() {
        // DJL 1000 ms a step, 75% BLAS; PyTorch 1100 ms: 1.2x needs <= 916.7 ms, BLAS alone is 750
        var c = comparison(1000, 1100, true);
        assertEquals(1000, c.djl().windowMsPerStep(), 1e-9);
        assertEquals(750, c.djlBlasMs(), 1e-9);
        assertEquals(600, c.djlMs(CpuWork.BLAS_KERNEL), 1e-9);
        assertEquals(1100.0 * 540 / 830, c.torchMs(CpuWork.BLAS_KERNEL), 1e-9);
        assertEquals(1100 / 1.2, c.speedUpBudgetMs(), 1e-9);
        assertEquals(100, c.ceilingGflops(), 0); // the better side's, as in the bench tables
        String text = c.table();
        // 916.7 - 750 = 167 ms left for the other 250 ms: 33% less
        assertTrue(text.contains("leaves 167 ms for everything else, now 250 ms (33% less needed)"), text);
        // 60 GFLOP in 1000 ms = 60 GFLOP/s = 60% of 100; in the 750 ms of BLAS, 80 GFLOP/s
        assertTrue(text.contains("runs at 60.0 GFLOP/s (60%), and its BLAS time alone at 80.0 GFLOP/s (80%)"), text);
        assertTrue(text.contains("mul_kernel") && !text.contains("c10::function_ref"), text);
        var slow = comparison(1000, 800, true);
        assertTrue(slow.bounds().contains("out of reach with this BLAS"), slow.bounds()); // 750 > 800 / 1.2
    }

    @Test
    void onSeveralCoresKindsAreCpuTimeAndNoBoundIsDrawn() {
        // 1,000 samples at 499 Hz over 4 steps: 501 CPU ms a step, of which BLAS kernels 600 samples = 300.6 ms
        var c = comparison(300, 400, false);
        assertEquals(600 * 1000.0 / PerfSampler.HZ / 4, c.djlMs(CpuWork.BLAS_KERNEL), 1e-9);
        String text = c.table();
        assertTrue(text.contains("DJL CPU ms/step") && text.contains("CPU time of the whole step"), text);
        assertTrue(!text.contains("needs a DJL step"), text);
    }

    @Test
    void aReportWithoutItsWindowIsRefused() {
        StepReport none = new StepReport("djl", Mixer.MLP, 64, 2, 4, 1, 5, 5, 5, 2, 2, 1, 1, 1, 1, 1, 1, 0, "t", 0, 0);
        assertTrue(Double.isNaN(none.windowMsPerStep()));
        CpuSplit s = CpuSplit.parse(DJL_LINES, "d");
        assertThrows(IllegalArgumentException.class, () -> new CpuSplitComparison(none, s, none, s, 1, true));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StepReport("djl", Mixer.MLP, 64, 2, 4, 1, 5, 5, 5, 2, 2, 1, 1, 1, 1, 1, 1, 0, "t", 9, 3));
    }

    @Test
    void perfTimesAreSecondsWithMicroseconds() {
        assertEquals("41959.702660", PerfSampler.seconds(41_959_702_660_061L));
        assertEquals("3.000001", PerfSampler.seconds(3_000_001_999L));
    }

    /**
     * Where perf and the PyTorch reference run: two tiny steps under perf, cut to their window. The samples must fall
     * inside it (the clocks agree) and OpenBLAS, which only the Python process maps, must be found.
     */
    @Test
    void perfSamplesTheMeasuredStepsOfAChild(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3"), script = Path.of("../bench/trm_step.py");
        String torch = TrainBench.pytorchProblem(python, script), perf = PerfSampler.problem();
        Assumptions.assumeTrue(torch == null && perf == null, "perf or torch missing: " + torch + " " + perf);
        ThreadSetting one = ThreadSetting.oneCore("pytorch");
        Path data = dir.resolve("child.data");
        StepReport r = TrainBench.run(
                PerfSampler.wrap(TrainBench.pytorchCommand(python, script, Mixer.MLP, 8, 1, 3, 1, false, one), data),
                one);
        assertTrue(Files.size(data) > 0);
        CpuSplit s = PerfSampler.read(data, r);
        // 499 Hz over the window: a tenth of the expected samples at least (the core may be shared: beside two
        // training runs it got under half), never more than 2x. Clocks that disagree would leave none in the window.
        double expected = (r.measuredToNs() - r.measuredFromNs()) / 1e9 * PerfSampler.HZ;
        assertTrue(s.total() > expected / 10 && s.total() < 2 * expected + 5, s.total() + " vs " + expected);
        assertTrue(s.samples(CpuWork.BLAS_KERNEL) > 0, "OpenBLAS's GEMM kernels: " + s.top());
    }
}
