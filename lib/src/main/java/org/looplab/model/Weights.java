package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.looplab.provenance.Seeds;

/**
 * The named arrays of one model, made either fresh (seeded draws) or from a checkpoint.
 *
 * <p>Ownership: every array here belongs to {@link #manager()}, the model's manager; closing the model frees them.
 * Fresh draws use one generator per array name ({@code Seeds.random(seed, "init/" + name)}), so adding a layer never
 * changes the numbers of another.
 */
final class Weights {
    /** Trained by the main optimiser; puzzle table by sign-SGD; buffers not at all. */
    enum Kind {
        PARAMETER,
        PUZZLE_TABLE,
        BUFFER
    }

    private final NDManager manager;
    private final DataType dtype;
    private final long seed;
    private final Map<String, NDArray> source; // arrays read from a checkpoint, or null for fresh draws
    private final String sourceName; // the checkpoint file, for errors
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    private Weights(NDManager manager, DataType dtype, long seed, Map<String, NDArray> source, String sourceName) {
        this.manager = manager;
        this.dtype = dtype;
        this.seed = seed;
        this.source = source;
        this.sourceName = sourceName;
    }

    static Weights fresh(NDManager manager, DataType dtype, long seed) {
        return new Weights(manager, dtype, seed, null, null);
    }

    /** Takes each array by name from {@code stored} (decoded into {@code manager}); a missing one fails, naming the file. */
    static Weights loaded(NDManager manager, NDList stored, String file) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray a : stored) byName.put(a.getName(), a);
        DataType dtype = stored.isEmpty() ? DataType.FLOAT32 : stored.get(0).getDataType();
        return new Weights(manager, dtype, 0, byName, file);
    }

    NDManager manager() {
        return manager;
    }

    DataType dtype() {
        return dtype;
    }

    /** A bias-free linear weight {@code [out, in]}, truncated LeCun normal. */
    NDArray linear(String name, long out, long in) {
        return truncatedNormal(name, new Shape(out, in), ParameterInit.lecunStd(in), Kind.PARAMETER);
    }

    NDArray truncatedNormal(String name, Shape shape, double std, Kind kind) {
        return add(
                name,
                shape,
                kind,
                () -> ParameterInit.truncatedNormal(
                        Seeds.random(seed, "init/" + name), Math.toIntExact(shape.size()), std));
    }

    NDArray constant(String name, Shape shape, float value, Kind kind) {
        return add(name, shape, kind, () -> {
            float[] v = new float[Math.toIntExact(shape.size())];
            Arrays.fill(v, value);
            return v;
        });
    }

    private NDArray add(String name, Shape shape, Kind kind, java.util.function.Supplier<float[]> draw) {
        if (arrays.containsKey(name)) throw new IllegalStateException("two weights named " + name);
        NDArray a;
        if (source != null) {
            NDArray stored = source.get(name);
            if (stored == null) throw new IllegalArgumentException(sourceName + ": no array named '" + name + "'");
            if (!stored.getShape().equals(shape))
                throw new IllegalArgumentException(sourceName + ": array '" + name + "' has shape " + stored.getShape()
                        + ", the config needs " + shape);
            a = ownCopy(stored);
            stored.close();
        } else {
            NDArray f32 = manager.create(draw.get(), shape);
            a = dtype == DataType.FLOAT32 ? ownCopy(f32) : f32.toType(dtype, false);
            f32.close();
        }
        a.setName(name);
        if (kind != Kind.BUFFER) a.setRequiresGradient(true);
        arrays.put(name, a);
        kinds.put(name, kind);
        return a;
    }

    /**
     * A copy in libtorch's own memory. Arrays made from Java data ({@code create}, {@code NDList.decode}) wrap a
     * Java direct buffer: only 16-byte aligned, at an address that differs run to run, and freed by the JVM's GC
     * once the wrapper is gone. libtorch allocates 64-byte aligned memory it owns, so the matmul kernels see the
     * same alignment in every run (their summation order, hence the last bits, can depend on it) and no native
     * view can outlive the buffer.
     */
    private static NDArray ownCopy(NDArray a) {
        NDArray copy = a.duplicate();
        copy.setName(a.getName());
        return copy;
    }

    /** After a model is built from a checkpoint: an array nobody asked for means the file and config disagree. */
    void checkAllUsed() {
        if (source == null) return;
        for (String name : source.keySet())
            if (!arrays.containsKey(name))
                throw new IllegalArgumentException(sourceName + ": unexpected array '" + name + "' for this config");
    }

    /** Arrays of one kind, in creation order, each named. */
    NDList of(Kind kind) {
        NDList out = new NDList();
        arrays.forEach((name, a) -> {
            if (kinds.get(name) == kind) out.add(a);
        });
        return out;
    }

    /** Every array, named, for a checkpoint. */
    NDList all() {
        return new NDList(arrays.values());
    }

    Map<String, NDArray> byName() {
        return Collections.unmodifiableMap(arrays);
    }
}
