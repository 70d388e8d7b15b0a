package org.looplab.kernel;

import java.util.Locale;

/**
 * How much stdout and stderr one cell may send to Jupyter before the rest is dropped: {@code LOOPLAB_KERNEL_OUTPUT_MB}
 * (or the system property {@code looplab.kernel.outputMb}), a number of megabytes (MiB, fractions allowed), or
 * {@code unlimited}. The default, 8 MB, is far more than anyone reads in a notebook and little enough that the
 * notebook server, the browser and the saved .ipynb stay responsive.
 */
public record OutputLimit(long bytes) {

    public static final String VARIABLE = "LOOPLAB_KERNEL_OUTPUT_MB";
    public static final String PROPERTY = "looplab.kernel.outputMb";
    public static final OutputLimit DEFAULT = new OutputLimit(8L << 20);
    public static final OutputLimit UNLIMITED = new OutputLimit(Long.MAX_VALUE);

    public static OutputLimit parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String value = text.trim();
        if (value.toLowerCase(Locale.ROOT).equals("unlimited")) {
            return UNLIMITED;
        }
        try {
            double megabytes = Double.parseDouble(value);
            if (megabytes > 0 && megabytes < 1e9) {
                return new OutputLimit(Math.max(1, (long) (megabytes * (1 << 20))));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below, which names the accepted forms
        }
        throw new IllegalArgumentException(
                VARIABLE + " must be a positive number of megabytes or \"unlimited\", was \"" + text + "\"");
    }

    public boolean isLimited() {
        return bytes != Long.MAX_VALUE;
    }

    /** As the truncation line says it: "8 MB", "0.50 MB", "1000 bytes". */
    @Override
    public String toString() {
        if (!isLimited()) {
            return "unlimited";
        }
        if (bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MB";
        }
        return bytes < 10 << 10 ? bytes + " bytes" : String.format(Locale.ROOT, "%.2f MB", bytes / (double) (1 << 20));
    }
}
