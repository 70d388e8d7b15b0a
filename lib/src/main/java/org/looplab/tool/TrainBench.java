package org.looplab.tool;

import org.looplab.Profile;
import org.looplab.data.PuzzleDataSet;
import org.looplab.data.PuzzleKind;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TrmConfig;
import org.looplab.train.DeepSupervisionTrainer;
import org.looplab.train.MatmulProbe;
import org.looplab.train.TrainConfig;
import org.looplab.train.TrainingRun;
import org.looplab.provenance.RuntimeFacts;
import org.looplab.provenance.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * {@code java -cp lib/target/looplab.jar org.looplab.tool.TrainBench [steps] [rssAt]}: training-step time and memory
 * of TRM-Att and TRM-MLP at hidden 128, batch 64, n 6, T 3 on 9×9 Sudoku-sized inputs, against the machine's
 * float32 matmul ceiling. RSS is read at step {@code rssAt} (default 100) and at the end (default 2000 steps):
 * equal values mean memory is flat. Inputs are random valid-vocabulary tokens (speed does not depend on them).
 * Not covered here: the PyTorch reference script (python3-torch is not installed on this machine).
 */
public final class TrainBench {
    private TrainBench() {}

    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rssAt = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        double gflops = MatmulProbe.bestGflops(MatmulProbe.measure(new int[] {512, 1024, 2048}, 5));
        System.out.printf(Locale.ROOT, "runtime: %s%nmatmul ceiling: %.1f GFLOP/s%n", RuntimeFacts.current(), gflops);
        System.out.println("model      median ms/step   GFLOP/s   of ceiling   RSS@" + rssAt + " MB   RSS@" + steps + " MB   peak MB");
        for (TrmConfig cfg : new TrmConfig[] {TrmConfig.SMALL_ATTENTION, TrmConfig.SMALL_MLP}) {
            PuzzleDataSet data = random(256, 9);
            TrainConfig tc = TrainConfig.of(Profile.CPU, "sudoku9-hard").withBatchSize(64).withSteps(steps)
                    .withAugment(false);
            try (ReasoningModel model = cfg.build(TrainingRun.taskOf(data), 0);
                 var trainer = new DeepSupervisionTrainer(model, data, tc, 0, 0)) {
                double[] ms = new double[steps];
                long rssEarly = 0;
                for (int s = 0; s < steps; s++) {
                    long t0 = System.nanoTime();
                    trainer.step();
                    ms[s] = (System.nanoTime() - t0) / 1e6;
                    if (s + 1 == rssAt) rssEarly = status("VmRSS");
                }
                double median = median(Arrays.copyOfRange(ms, Math.min(3, steps - 1), steps));
                double flop = stepFlops(cfg, 64, 16 + 81);
                System.out.printf(Locale.ROOT, "%-10s %14.0f %9.1f %11.0f%% %10d %11d %9d%n",
                        cfg.mixer(), median, flop / median / 1e6, 100 * flop / median / 1e6 / gflops,
                        rssEarly / 1024, status("VmRSS") / 1024, status("VmHWM") / 1024);
            }
        }
    }

    /** Matmul FLOPs of one supervision step: T(n+1) forward net calls, and 2× that for the n+1 back-propagated. */
    static double stepFlops(TrmConfig c, int batch, int seq) {
        long d = c.hiddenSize();
        long inner = (Math.round(c.expansion() * d * 2 / 3.0) + 255) / 256 * 256;
        double channel = 2.0 * batch * seq * (d * 2 * inner + inner * d);
        double mixer;
        if (c.mixer() == org.looplab.model.Mixer.MLP) {
            long si = (Math.round(c.expansion() * seq * 2 / 3.0) + 255) / 256 * 256;
            mixer = 2.0 * batch * d * (seq * 2 * si + si * seq);
        } else {
            mixer = 2.0 * batch * seq * 4 * d * d + 2.0 * 2 * batch * seq * seq * d;
        }
        double call = c.layers() * (channel + mixer);
        return call * (c.recursions() * (c.latentSteps() + 1) + 2 * (c.latentSteps() + 1));
    }

    static PuzzleDataSet random(int count, int side) {
        Random r = Seeds.random(0, "bench tokens");
        int cells = side * side;
        byte[] in = new byte[count * cells], out = new byte[count * cells];
        for (int i = 0; i < in.length; i++) {
            out[i] = (byte) (2 + r.nextInt(side));
            in[i] = r.nextInt(3) == 0 ? out[i] : 1;
        }
        return new PuzzleDataSet("bench", PuzzleKind.SUDOKU, side, side + 2, cells, in, out, new int[count], new int[count]);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** A /proc/self/status field in kB (0 where there is no /proc). */
    static long status(String field) throws IOException {
        Path p = Path.of("/proc/self/status");
        if (!Files.exists(p)) return 0;
        for (String line : Files.readAllLines(p))
            if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        return 0;
    }
}
