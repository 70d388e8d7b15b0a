package org.looplab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;

/**
 * How big a run is. A profile changes numbers (data sizes, widths, step budgets), never code paths.
 *
 * <ul>
 *   <li>{@link #SMOKE}: tests and CI; every notebook finishes in a minute or two.</li>
 *   <li>{@link #CPU}: the default; real results on a laptop CPU in minutes (smaller than the papers).</li>
 *   <li>{@link #GPU}: the papers' configurations; needs a CUDA machine.</li>
 * </ul>
 */
public enum Profile {
    SMOKE,
    CPU,
    GPU;

    /** The environment variable a notebook, test or command reads its profile from. */
    public static final String ENV = "LOOPLAB_PROFILE";

    /** Reads {@value #ENV}; unset or blank means {@link #CPU}. */
    public static Profile fromEnv() {
        return fromEnv(System.getenv());
    }

    static Profile fromEnv(Map<String, String> env) {
        String value = env.get(ENV);
        return value == null || value.isBlank() ? CPU : parse(value);
    }

    /**
     * Parses {@code smoke}, {@code cpu} or {@code gpu}, case-insensitively; anything else is an error naming it. Also
     * how manifests and specs read a profile.
     */
    @JsonCreator
    public static Profile parse(String value) {
        // No try/valueOf: Jackson reports the root cause of a creator's exception, which would be valueOf's
        // "No enum constant org.looplab.Profile.LAPTOP" instead of this message.
        for (Profile p : values()) if (p.name().equalsIgnoreCase(value.trim())) return p;
        throw new IllegalArgumentException(
                "profile must be one of smoke, cpu, gpu (as " + ENV + " and manifests spell it); was '" + value + "'");
    }

    /** Lower-case name, as written in manifests and on the command line. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
