package org.looplab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.looplab.Prerequisite;
import org.looplab.model.Backprop;
import org.looplab.model.HierarchicalReasoningModel;
import org.looplab.model.HrmConfig;
import org.looplab.model.Latents;
import org.looplab.model.Mixer;
import org.looplab.model.NoGrad;
import org.looplab.model.PositionEncoding;
import org.looplab.model.Readout;
import org.looplab.model.ReasoningModel;
import org.looplab.model.TaskShape;
import org.looplab.model.TinyRecursiveModel;
import org.looplab.model.TrmConfig;
import org.looplab.provenance.Json;

/**
 * Rules out our own port: the same weights and batch go through our DJL model and through
 * {@code bench/trm_step.py}'s PyTorch model ({@code bench/port_check.py} drives it), and one supervision step's answer
 * logits, halt logits, loss and every gradient must agree. Float64 on both sides, so a formula that differs anywhere
 * (RoPE layout, attention scale, norm axis, SwiGLU split, embedding scale, loss) shows as a difference far above
 * rounding. The step starts from a carry one no-grad supervision step old, so the carry path is exercised too.
 * Runs where {@code /usr/bin/python3} imports torch (Debian's python3-torch, which {@code make test} installs); where it
 * cannot, skipped with the reason, and under {@code make test} a failure ({@link Prerequisite}).
 */
class ReferencePortTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final TaskShape TASK = TaskShape.sudoku(9); // seq 16 + 81, as the papers' Sudoku
    private static final int BATCH = 4;
    // Float64 sums in different orders differ by ~1e-15 relative; 1e-9 is far below any formula difference.
    private static final double TOLERANCE = 1e-9;

    private static Path script;

    @BeforeAll
    static void needsTorch() throws Exception {
        script = findScript();
        Prerequisite.require(
                script != null,
                "bench/port_check.py not found above " + Path.of("").toAbsolutePath());
        Prerequisite.require(Files.isExecutable(PYTHON), PYTHON + " not found: PyTorch comparison skipped");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, numpy")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Prerequisite.require(
                p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0,
                PYTHON + " cannot import torch and numpy (apt install python3-torch): PyTorch comparison skipped");
    }

    @Test
    void trmAttentionMatchesPyTorch(@TempDir Path dir) throws Exception {
        var cfg = new TrmConfig(
                64, 4, 4, 2, Mixer.ATTENTION, PositionEncoding.ROPE, 2, 2, 4, 16, Backprop.FULL_RECURSION);
        try (var m = TinyRecursiveModel.create(cfg, TASK, 11, DataType.FLOAT64)) {
            compare(m, trmCase(cfg, "attention"), dir);
        }
    }

    @Test
    void trmMlpMatchesPyTorch(@TempDir Path dir) throws Exception {
        var cfg = new TrmConfig(64, 4, 4, 2, Mixer.MLP, PositionEncoding.NONE, 2, 2, 4, 16, Backprop.FULL_RECURSION);
        try (var m = TinyRecursiveModel.create(cfg, TASK, 12, DataType.FLOAT64)) {
            compare(m, trmCase(cfg, "mlp"), dir);
        }
    }

    @Test
    void hrmMatchesPyTorch(@TempDir Path dir) throws Exception {
        var cfg = new HrmConfig(64, 4, 4, 2, 2, 2, 2, 4, 1, PositionEncoding.ROPE);
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("model", "hrm")
                .put("mixer", "attention")
                .put("hidden", cfg.hiddenSize())
                .put("heads", cfg.heads())
                .put("expansion", cfg.expansion())
                .put("layers", cfg.highLayers())
                .put("highLayers", cfg.highLayers())
                .put("lowLayers", cfg.lowLayers())
                .put("highCycles", cfg.highCycles())
                .put("lowCycles", cfg.lowCycles())
                .put("latentSteps", 1)
                .put("recursions", 1)
                .put("prefix", cfg.prefixLength());
        try (var m = HierarchicalReasoningModel.create(cfg, TASK, 13, DataType.FLOAT64)) {
            compare(m, c, dir);
        }
    }

    private static ObjectNode trmCase(TrmConfig cfg, String mixer) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("model", "trm")
                .put("mixer", mixer)
                .put("hidden", cfg.hiddenSize())
                .put("heads", cfg.heads())
                .put("expansion", cfg.expansion())
                .put("layers", cfg.layers())
                .put("latentSteps", cfg.latentSteps())
                .put("recursions", cfg.recursions())
                .put("prefix", cfg.prefixLength());
        return c;
    }

    /** Writes weights and batch, runs both sides, compares outputs and gradients. */
    private static void compare(ReasoningModel m, ObjectNode c, Path dir) throws Exception {
        c.put("vocab", TASK.vocabSize()).put("cells", TASK.gridCells()).put("warmSteps", 1);
        ObjectNode arrays = c.putObject("arrays");
        Random rng = new Random(5);
        // The puzzle vector and halt head start at 0 and -5: give them values so their paths carry signal too.
        NDArray haltWeight = named(m.parameters(), "head.halt.weight");
        NDArray haltBias = named(m.parameters(), "head.halt.bias");
        overwrite(m.puzzleEmbedding(), rng, 1.0);
        overwrite(haltWeight, rng, 0.3);
        overwrite(haltBias, rng, 1.0);

        long cells = TASK.gridCells();
        long[] tokens = new long[(int) (BATCH * cells)], labels = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            labels[i] = 2 + rng.nextInt(TASK.vocabSize() - 2); // digits
            tokens[i] = rng.nextInt(3) == 0 ? labels[i] : 1; // a third given, the rest blank
        }
        try (NDManager io = NDManager.newBaseManager();
                NDScope scope = new NDScope()) {
            NDArray tok = io.create(tokens, new Shape(BATCH, cells));
            NDArray ids = io.zeros(new Shape(BATCH), DataType.INT64);
            Latents warm;
            try (var off = NoGrad.open()) {
                warm = m.supervisionStep(m.initialLatents(BATCH), m.embed(tok, ids));
                // Half the puzzles get the model's own prediction as label, so "exactly right" is 1 for them and
                // the halt loss sees both targets.
                long[] predicted = m.readout(m.supervisionStep(warm, m.embed(tok, ids)))
                        .answerLogits()
                        .argMax(-1)
                        .toLongArray();
                System.arraycopy(predicted, 0, labels, 0, (int) (BATCH / 2 * cells));
            }
            NDArray lab = io.create(labels, new Shape(BATCH, cells));
            Readout out;
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = m.readout(m.supervisionStep(warm, m.embed(tok, ids)));
                NDArray exact = HaltLoss.exactlyRight(out.answerLogits(), lab).toType(DataType.FLOAT64, false);
                assertEquals(BATCH / 2.0, exact.sum().getDouble(), 1e-12, "exact-target mix");
                loss = StablemaxCrossEntropy.loss(out.answerLogits(), lab)
                        .add(HaltLoss.bce(out.haltLogit(), exact).mul(HaltLoss.WEIGHT));
                gc.backward(loss);
            }

            List<NDArray> all = new ArrayList<>(m.parameters());
            all.add(m.puzzleEmbedding());
            all.addAll(m.buffers());
            for (NDArray a : all) writeArray(dir, arrays, a.getName(), a.toDoubleArray(), a.getShape());
            writeLongs(dir, arrays, "tokens", tokens, new Shape(BATCH, cells));
            writeLongs(dir, arrays, "labels", labels, new Shape(BATCH, cells));
            Files.writeString(dir.resolve("case.json"), Json.mapper().writeValueAsString(c));

            runPython(dir);
            assertClose(dir, "py.logits", out.answerLogits().toDoubleArray());
            assertClose(dir, "py.halt", out.haltLogit().toDoubleArray());
            assertClose(dir, "py.continue", out.continueLogit().toDoubleArray());
            assertClose(dir, "py.loss", new double[] {loss.getDouble()});
            List<NDArray> trained = new ArrayList<>(m.parameters());
            trained.add(m.puzzleEmbedding());
            for (NDArray p : trained) {
                double[] g = p.getGradient().toDoubleArray();
                double norm = 0;
                for (double v : g) norm = Math.max(norm, Math.abs(v));
                assertTrue(norm > 0, p.getName() + ": zero gradient, so the comparison would prove nothing");
                assertClose(dir, "py.grad." + p.getName(), g);
            }
        }
    }

    private static NDArray named(NDList list, String name) {
        for (NDArray a : list) if (name.equals(a.getName())) return a;
        throw new AssertionError("no parameter named " + name);
    }

    private static void overwrite(NDArray a, Random rng, double std) {
        double[] v = new double[(int) a.getShape().size()];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian() * std;
        a.set(DoubleBuffer.wrap(v));
    }

    private static void assertClose(Path dir, String name, double[] ours) throws IOException {
        double[] theirs = readDoubles(dir.resolve(name + ".bin"));
        assertEquals(ours.length, theirs.length, name + " length");
        double scale = 0, diff = 0;
        for (int i = 0; i < ours.length; i++) {
            scale = Math.max(scale, Math.abs(theirs[i]));
            diff = Math.max(diff, Math.abs(ours[i] - theirs[i]));
        }
        assertTrue(
                diff <= TOLERANCE * Math.max(1, scale),
                name + ": max |DJL - PyTorch| = " + diff + " (largest value " + scale + ")");
    }

    private static void runPython(Path dir) throws Exception {
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), dir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "port_check.py did not finish");
        assertEquals(0, p.exitValue(), "port_check.py failed:\n" + output);
    }

    private static void writeArray(Path dir, ObjectNode arrays, String name, double[] v, Shape shape)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) b.putDouble(d);
        write(dir, arrays, name, "float64", b.array(), shape);
    }

    private static void writeLongs(Path dir, ObjectNode arrays, String name, long[] v, Shape shape) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long l : v) b.putLong(l);
        write(dir, arrays, name, "int64", b.array(), shape);
    }

    private static void write(Path dir, ObjectNode arrays, String name, String dtype, byte[] bytes, Shape shape)
            throws IOException {
        String file = "in." + name + ".bin";
        Files.write(dir.resolve(file), bytes);
        ObjectNode e = arrays.putObject(name);
        e.put("file", file).put("dtype", dtype);
        var dims = e.putArray("shape");
        for (long d : shape.getShape()) dims.add(d);
    }

    private static double[] readDoubles(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / 8];
        for (int i = 0; i < v.length; i++) v[i] = b.getDouble();
        return v;
    }

    private static Path findScript() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("bench/port_check.py");
            if (Files.isRegularFile(s)) return s;
        }
        return null;
    }
}
