package org.looplab.model;

import ai.djl.ndarray.NDArray;

/**
 * What the heads read from the answer latent.
 *
 * @param answerLogits  {@code [batch, cells, vocab]}, prefix positions dropped
 * @param haltLogit     {@code [batch]}, q_halt from prefix position 0; sigmoid = "my answer is right, stop"
 * @param continueLogit {@code [batch]}, q_continue: HRM's Q-learning target; TRM ignores it (no_ACT_continue)
 */
public record Readout(NDArray answerLogits, NDArray haltLogit, NDArray continueLogit) {}
