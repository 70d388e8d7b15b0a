package org.looplab;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (Debian's python3-torch, a deterministic libtorch run). Under {@code make test},
 * which installs everything a test needs and sets {@code -Dlooplab.strict=true}, a missing prerequisite is a failure,
 * so a test cannot pass by quietly skipping; elsewhere (a plain {@code mvn test}) it is skipped with the reason.
 */
public final class Prerequisite {
    private Prerequisite() {}

    public static boolean strict() {
        return Boolean.getBoolean("looplab.strict");
    }

    public static void require(boolean met, Supplier<String> why) {
        if (met) return;
        if (strict()) fail(why.get() + " (make test sets looplab.strict, where every prerequisite must be met)");
        Assumptions.assumeTrue(false, why);
    }

    public static void require(boolean met, String why) {
        require(met, () -> why);
    }
}
