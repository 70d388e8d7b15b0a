package org.looplab.kernel;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long one snippet may run, as IJava's {@code IJAVA_TIMEOUT} spells it: {@code -1} (no limit, the default),
 * a number of milliseconds, or an amount and a {@link TimeUnit} name such as {@code "30 SECONDS"}.
 */
public record EvaluationTimeout(long amount, TimeUnit unit) {

    public static final EvaluationTimeout NONE = new EvaluationTimeout(-1, TimeUnit.MILLISECONDS);

    public static EvaluationTimeout parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String[] parts = text.trim().split("\\s+");
        try {
            long amount = Long.parseLong(parts[0]);
            if (amount <= 0) {
                return NONE; // IJava treats any non-positive amount as "no limit"
            }
            if (parts.length == 1) {
                return new EvaluationTimeout(amount, TimeUnit.MILLISECONDS);
            }
            if (parts.length == 2) {
                return new EvaluationTimeout(amount, TimeUnit.valueOf(parts[1].toUpperCase(Locale.ROOT)));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below, which names the accepted forms
        }
        throw new IllegalArgumentException(
                "IJAVA_TIMEOUT must be -1, a number of milliseconds or e.g. \"30 SECONDS\", was \"" + text + "\"");
    }

    public boolean isLimited() {
        return amount > 0;
    }

    @Override
    public String toString() {
        return isLimited() ? amount + " " + unit.name().toLowerCase(Locale.ROOT) : "none";
    }
}
