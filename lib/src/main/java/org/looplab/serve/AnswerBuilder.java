package org.looplab.serve;

/**
 * What every answer builder sets the same way: how the model ran and what the request asked for. {@link SudokuAnswer}
 * and {@link MazeAnswer} extend it with their own puzzle, answer and verdict fields.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
public abstract class AnswerBuilder<B extends AnswerBuilder<B>> {
    protected String answeredBy, problem;
    protected Boolean modelVerified, halted;
    protected Integer stepsUsed, maxSteps;
    protected Float haltProbability;
    protected double haltThreshold, wallMs;
    protected ModelRef model;

    protected abstract B self();

    /** How the model ran: steps used of its budget, and the halt head at the step it stopped. */
    public B run(int stepsUsed, int maxSteps, float haltProbability, boolean halted, ModelRef model) {
        this.stepsUsed = stepsUsed;
        this.maxSteps = maxSteps;
        this.haltProbability = haltProbability;
        this.halted = halted;
        this.model = model;
        return self();
    }

    public B request(double haltThreshold, double wallMs) {
        this.haltThreshold = haltThreshold;
        this.wallMs = wallMs;
        return self();
    }
}
