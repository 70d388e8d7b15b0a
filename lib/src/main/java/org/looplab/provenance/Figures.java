package org.looplab.provenance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How a measured number is written for people: accuracies as percentages, other values to 4 significant digits,
 * counts with thousands separators. Tables and progress lines use it; files (CSV, JSON, the CLI's {@code key: value}
 * lines) keep full precision. It sits here, the lowest package, because every layer above quotes numbers.
 */
public final class Figures {
    private Figures() {}

    /**
     * A fraction in [0, 1] as a percentage with one decimal ({@code 0.9976666666666667} → {@code 99.8%}). A value
     * that is not exactly 0 or 1 never reads as {@code 0.0%} or {@code 100.0%}: it gets up to three decimals more.
     */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) return "n/a";
        double p = fraction * 100;
        for (int decimals = 1; decimals <= 4; decimals++) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", p);
            double shown = Double.parseDouble(s);
            boolean misleading = (shown == 100 && fraction < 1) || (shown == 0 && fraction > 0);
            if (!misleading || decimals == 4) return s + "%";
        }
        throw new AssertionError("unreachable");
    }

    /** {@code digits} significant digits, trailing zeros dropped, integers as integers ({@code 2037.0} → {@code 2037}). */
    public static String significant(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(v)
                .round(new MathContext(digits))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A count with thousands separators ({@code 12000} → {@code 12,000}). */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
