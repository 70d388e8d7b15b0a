package org.looplab.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to one Sudoku, as {@code solve_sudoku} and {@code looplab solve} return it (snake_case on the wire).
 * {@code verified} is the classical checker's verdict on {@code solution}, never the model's own belief: the halt
 * probability is reported beside it, and the two disagree whenever the model is confidently wrong.
 *
 * @param puzzle          the puzzle as read ({@code .} for blanks)
 * @param size            {@code 4x4}, {@code 6x6} or {@code 9x9}
 * @param solution        the answer returned; {@code .} where the model left a cell blank; null when there is none
 * @param verified        the solution keeps every given and every row, column and box holds each digit once
 * @param answeredBy      {@code model}, or {@code classical} when the fallback replaced a rejected model answer
 * @param modelSolution   what the model said (equal to {@code solution} when it answered), null without a model
 * @param modelVerified   the checker's verdict on the model's answer
 * @param problem         the first thing wrong with the model's answer, null when it is right
 * @param stepsUsed       supervision steps the model ran before it stopped
 * @param maxSteps        the step budget it had
 * @param haltProbability sigmoid(q_halt) at the step it stopped
 * @param halted          true when the halt head stopped it, false when the budget ran out
 * @param haltThreshold   the threshold used
 * @param wallMs          time from request to answer, queueing and checking included
 * @param model           which checkpoint answered (null when none was loaded for this size)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SudokuAnswer(
        String puzzle,
        String size,
        String solution,
        boolean verified,
        String answeredBy,
        String modelSolution,
        Boolean modelVerified,
        String problem,
        Integer stepsUsed,
        Integer maxSteps,
        Float haltProbability,
        Boolean halted,
        double haltThreshold,
        double wallMs,
        ModelRef model) {

    public static final String BY_MODEL = "model";
    public static final String BY_CLASSICAL = "classical";

    /** An answer built field by field, by name; what is not set stays absent from the wire. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends AnswerBuilder<Builder> {
        private String puzzle, size, solution, modelSolution;
        private boolean verified;

        private Builder() {}

        public Builder puzzle(String puzzle, String size) {
            this.puzzle = puzzle;
            this.size = size;
            return this;
        }

        /** The answer returned, the checker's verdict on it, and who gave it. */
        public Builder solution(String solution, boolean verified, String answeredBy) {
            this.solution = solution;
            this.verified = verified;
            this.answeredBy = answeredBy;
            return this;
        }

        /** What the model said and the checker's verdict on it; {@code problem} null when it is right. */
        public Builder modelSaid(String modelSolution, boolean modelVerified, String problem) {
            this.modelSolution = modelSolution;
            this.modelVerified = modelVerified;
            this.problem = problem;
            return this;
        }

        /** Why no model answered (no model loaded for this size). */
        public Builder problem(String problem) {
            this.problem = problem;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public SudokuAnswer build() {
            return new SudokuAnswer(
                    puzzle,
                    size,
                    solution,
                    verified,
                    answeredBy,
                    modelSolution,
                    modelVerified,
                    problem,
                    stepsUsed,
                    maxSteps,
                    haltProbability,
                    halted,
                    haltThreshold,
                    wallMs,
                    model);
        }
    }
}
