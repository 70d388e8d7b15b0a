package org.looplab.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Named configs for the CLI and notebooks: the papers' three, plus small (cpu) and tiny (smoke) ones. */
public enum Preset {
    TRM_ATT_PAPER("trm-att-paper", TrmConfig.PAPER_ATTENTION),
    TRM_MLP_PAPER("trm-mlp-paper", TrmConfig.PAPER_MLP),
    HRM_PAPER("hrm-paper", HrmConfig.PAPER),
    DIRECT_PAPER("direct-paper", DirectConfig.PAPER),
    TRM_ATT_SMALL("trm-att-small", TrmConfig.SMALL_ATTENTION),
    TRM_MLP_SMALL("trm-mlp-small", TrmConfig.SMALL_MLP),
    HRM_SMALL("hrm-small", HrmConfig.SMALL),
    DIRECT_SMALL("direct-small", DirectConfig.SMALL),
    TRM_ATT_TINY("trm-att-tiny", TrmConfig.TINY_ATTENTION),
    TRM_MLP_TINY("trm-mlp-tiny", TrmConfig.TINY_MLP),
    HRM_TINY("hrm-tiny", HrmConfig.TINY),
    DIRECT_TINY("direct-tiny", DirectConfig.TINY);

    private final String id;
    private final ModelConfig config;

    Preset(String id, ModelConfig config) {
        this.id = id;
        this.config = config;
    }

    public String id() {
        return id;
    }

    public ModelConfig config() {
        return config;
    }

    /** By name, e.g. {@code trm-mlp-paper}; an unknown name fails, listing the known ones. */
    public static Preset of(String name) {
        for (Preset p : values()) if (p.id.equalsIgnoreCase(name.trim())) return p;
        throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }
}
