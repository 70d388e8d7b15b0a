package org.looplab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The carry between supervision steps, each {@code [batch, prefix+cells, hidden]}.
 *
 * @param answer    y in TRM (code: z_H), z_H in HRM: what the output head reads
 * @param reasoning z in TRM (code: z_L), z_L in HRM: the latent scratchpad
 */
public record Latents(NDArray answer, NDArray reasoning) {

    /**
     * What a paper calls the two latents, for anything that shows them to a reader.
     *
     * @param answer    the one the output head reads: TRM's y, HRM's z_H
     * @param reasoning the scratchpad: TRM's z, HRM's z_L
     */
    public record Names(String answer, String reasoning) {
        public static final Names TRM = new Names("y", "z");
        public static final Names HRM = new Names("z_H", "z_L");
    }

    /** Rebuilds from {@link #arrays()} order: answer, reasoning. */
    public Latents(NDList arrays) {
        this(arrays.get(0), arrays.get(1));
    }

    /** The same values without history: the next supervision step starts here (no gradient between steps). */
    public Latents detached() {
        return new Latents(answer.stopGradient(), reasoning.stopGradient());
    }

    public NDList arrays() {
        return new NDList(answer, reasoning);
    }

    public void close() {
        answer.close();
        reasoning.close();
    }
}
