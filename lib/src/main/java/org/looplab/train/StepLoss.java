package org.looplab.train;

/**
 * The loss of one supervision step, batch means.
 *
 * @param total    answer + 0.5 · (halt [+ continue])
 * @param answer   stable-max cross-entropy
 * @param halt     BCE of the halt logit against "answer exactly right"
 * @param cont     HRM's Q-continue BCE (NaN for TRM)
 */
public record StepLoss(double total, double answer, double halt, double cont) {}
