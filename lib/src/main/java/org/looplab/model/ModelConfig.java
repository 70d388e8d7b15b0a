package org.looplab.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A model's architecture, as saved in a checkpoint's {@code config.json}: the {@code "kind"} key says which
 * (trm, hrm, direct). Task sizes (vocab, cells) are not part of it: one config builds for any {@link TaskShape}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrmConfig.class, name = "trm"),
    @JsonSubTypes.Type(value = HrmConfig.class, name = "hrm"),
    @JsonSubTypes.Type(value = DirectConfig.class, name = "direct")
})
public sealed interface ModelConfig permits TrmConfig, HrmConfig, DirectConfig {

    int hiddenSize();

    /** Puzzle-id prefix positions before the grid (TRM 16, HRM 1). */
    int prefixLength();

    /** N_sup: supervision steps per puzzle (16 in both papers; 1 for the direct baseline). */
    int supervisionSteps();

    /** Layer applications per supervision step (TRM paper Table 1 "Depth"). */
    int computeDepth();

    /** Layer applications per supervision step that back-propagation goes through (TRM: the last round; HRM: 1 step). */
    int gradientDepth();

    /** How {@link #computeDepth()} is made, e.g. {@code T(n+1)·layers = 3·(6+1)·2 = 42}. */
    String depthFormula();

    /** Builds a fresh, seeded model (float32) for {@code task}; the caller closes it. */
    ReasoningModel build(TaskShape task, long seed);

    static void positive(String field, int value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be >= 1, was " + value);
    }

    static void headsDivide(int hiddenSize, int heads) {
        positive("heads", heads);
        if (hiddenSize % heads != 0)
            throw new IllegalArgumentException("heads must divide hiddenSize " + hiddenSize + ", was " + heads);
    }

    static <T> T required(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " must be given, was null");
        return value;
    }
}
