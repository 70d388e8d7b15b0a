package org.looplab.serve;

/**
 * What the model said for one puzzle under adaptive halting.
 *
 * @param tokens          argmax token per cell at the step it stopped
 * @param stepsUsed       supervision steps run for this puzzle (1..max steps)
 * @param haltProbability sigmoid(q_halt) at that step
 * @param halted          true when it stopped because the halt probability reached the threshold, false when it
 *                        ran out of steps
 */
public record Inference(long[] tokens, int stepsUsed, float haltProbability, boolean halted) {}
