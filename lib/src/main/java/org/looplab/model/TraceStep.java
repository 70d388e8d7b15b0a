package org.looplab.model;

/**
 * What one supervision step looked like, per puzzle in the batch.
 *
 * @param step            k = 1..N_sup
 * @param prediction      {@code [batch][cells]} argmax token per cell, prefix dropped
 * @param haltProbability {@code [batch]} sigmoid(q_halt): the model's belief that its answer is right
 * @param latentGroups    {@code [batch][groups]} mean |z| over positions and over each of {@code groups} equal
 *                        channel slices (16 bars): where in z the activity is
 * @param latentChange    {@code [batch]} ‖z_k − z_{k−1}‖ (L2 over all positions and channels); z_0 the initial z
 * @param answerChange    {@code [batch]} ‖y_k − y_{k−1}‖, the same for the answer latent
 */
public record TraceStep(
        int step,
        int[][] prediction,
        float[] haltProbability,
        float[][] latentGroups,
        float[] latentChange,
        float[] answerChange) {}
