package org.looplab.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An integer array as stored in a NumPy {@code .npy} file: dtype, shape and the raw little-endian C-order bytes.
 * Values are read on demand, so a large uint8 array costs one byte per value in memory.
 *
 * @param dtype one of {@code |u1 |i1 <u2 <i2 <u4 <i4 <i8} (numpy's {@code descr})
 */
public record NpyArray(String dtype, long[] shape, byte[] data) {

    public NpyArray {
        int width = width(dtype);
        long count = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            count *= d;
        }
        if (count * width != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + count * width + " bytes, got " + data.length);
        }
        shape = shape.clone();
    }

    /** Bytes per value; unsupported dtypes (floats, big-endian) are an error naming the dtype. */
    public static int width(String dtype) {
        return switch (dtype) {
            case "|u1", "|i1", "<u1", "<i1", "|b1" -> 1;
            case "<u2", "<i2" -> 2;
            case "<u4", "<i4" -> 4;
            case "<i8" -> 8;
            default ->
                throw new IllegalArgumentException("unsupported dtype '" + dtype
                        + "'; LoopLab reads little-endian integer arrays (uint8, int8, int16, int32, int64)");
        };
    }

    public static NpyArray ofBytes(byte[] values, long... shape) {
        return new NpyArray("|u1", shape, values.clone());
    }

    public static NpyArray ofInts(int[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putInt(v);
        return new NpyArray("<i4", shape, b.array());
    }

    public static NpyArray ofLongs(long[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) b.putLong(v);
        return new NpyArray("<i8", shape, b.array());
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long size() {
        return data.length / width(dtype);
    }

    public long get(long index) {
        int i = Math.toIntExact(index * width(dtype));
        return switch (dtype) {
            case "|u1", "<u1", "|b1" -> data[i] & 0xFF;
            case "|i1", "<i1" -> data[i];
            case "<u2" -> (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8;
            case "<i2" -> (short) ((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
            case "<u4" ->
                ByteBuffer.wrap(data, i, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            case "<i4" ->
                ByteBuffer.wrap(data, i, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            case "<i8" ->
                ByteBuffer.wrap(data, i, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            default -> throw new IllegalStateException(dtype);
        };
    }

    /** All values as bytes; a value outside 0..127 is an error (token ids are small). */
    public byte[] toTokenBytes(String source) {
        if (dtype.equals("|u1") || dtype.equals("<u1")) {
            for (int i = 0; i < data.length; i++) {
                if (data[i] < 0)
                    throw new IllegalArgumentException(
                            source + ": value " + (data[i] & 0xFF) + " at " + i + " is not a token id (0..127)");
            }
            return data.clone();
        }
        byte[] out = new byte[Math.toIntExact(size())];
        for (int i = 0; i < out.length; i++) {
            long v = get(i);
            if (v < 0 || v > 127)
                throw new IllegalArgumentException(
                        source + ": value " + v + " at " + i + " is not a token id (0..127)");
            out[i] = (byte) v;
        }
        return out;
    }

    public int[] toInts(String source) {
        int[] out = new int[Math.toIntExact(size())];
        for (int i = 0; i < out.length; i++) {
            long v = get(i);
            if (v != (int) v)
                throw new IllegalArgumentException(source + ": value " + v + " at " + i + " does not fit an int");
            out[i] = (int) v;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a
                && a.dtype.equals(dtype)
                && Arrays.equals(a.shape, shape)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
