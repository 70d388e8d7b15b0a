package org.looplab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.looplab.provenance.AtomicFiles;

/**
 * Reads and writes NumPy's {@code .npy} format (versions 1.0-3.0) for little-endian, C-order integer arrays:
 * the arrays TRM/HRM's build scripts write, and LoopLab's own data sets (so numpy can open them too).
 * A truncated or malformed file is an error that names the file.
 */
public final class Npy {
    private Npy() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public static NpyArray read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        return parse(bytes, file.toString());
    }

    public static NpyArray parse(byte[] bytes, String source) {
        if (bytes.length < 10)
            throw new IllegalArgumentException(source + ": truncated .npy file (" + bytes.length + " bytes)");
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) throw new IllegalArgumentException(source + ": not a .npy file (bad magic)");
        }
        int major = bytes[6];
        int headerLength;
        int offset;
        if (major == 1) {
            headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            offset = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw new IllegalArgumentException(source + ": truncated .npy header");
            headerLength =
                    (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8 | (bytes[10] & 0xFF) << 16 | (bytes[11] & 0xFF) << 24;
            offset = 12;
        } else {
            throw new IllegalArgumentException(source + ": unsupported .npy version " + major);
        }
        if (headerLength < 0 || offset + headerLength > bytes.length) {
            throw new IllegalArgumentException(source + ": truncated .npy header");
        }
        String header = new String(
                bytes, offset, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr", source);
        if (group(FORTRAN, header, "fortran_order", source).equals("True")) {
            throw new IllegalArgumentException(source + ": Fortran-order arrays are not supported");
        }
        if (descr.startsWith(">"))
            throw new IllegalArgumentException(source + ": big-endian dtype '" + descr + "' is not supported");
        List<Long> dims = new ArrayList<>();
        for (String part : group(SHAPE, header, "shape", source).split(",")) {
            if (!part.isBlank()) dims.add(Long.parseLong(part.trim().replace("L", "")));
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        int width;
        try {
            width = NpyArray.width(descr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        long count = 1;
        for (long d : shape) count *= d;
        int start = offset + headerLength;
        long need = count * width;
        if (bytes.length - start != need) {
            throw new IllegalArgumentException(source + ": truncated or oversized data: shape " + dims + " of " + descr
                    + " needs " + need + " bytes after the header, found " + (bytes.length - start));
        }
        byte[] data = new byte[(int) need];
        System.arraycopy(bytes, start, data, 0, data.length);
        return new NpyArray(descr, shape, data);
    }

    private static String group(Pattern p, String header, String key, String source) {
        Matcher m = p.matcher(header);
        if (!m.find())
            throw new IllegalArgumentException(source + ": .npy header has no '" + key + "': " + header.strip());
        return m.group(1);
    }

    /** The file's bytes in format version 1.0 (header padded so the data starts at a multiple of 64). */
    public static byte[] bytes(NpyArray array) {
        long[] shape = array.shape();
        String dict =
                "{'descr': '" + array.dtype() + "', 'fortran_order': False, 'shape': (" + joinShape(shape) + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length() + array.data().length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xFF);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(array.data());
        return out.toByteArray();
    }

    private static String joinShape(long[] shape) {
        if (shape.length == 1) return shape[0] + ",";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.toString();
    }

    /** Writes atomically (a temporary sibling, then a rename), as every file LoopLab writes. */
    public static void write(Path file, NpyArray array) {
        AtomicFiles.writeBytes(file, bytes(array));
    }
}
