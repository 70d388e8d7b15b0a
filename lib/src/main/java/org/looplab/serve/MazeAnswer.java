package org.looplab.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to one maze (snake_case on the wire). Rows are joined by newlines in the Maze-Hard characters
 * {@code # SGo}: wall, open, start, goal, path. {@code valid} and {@code optimal} come from the data package's
 * checker ({@link org.looplab.data.MazeRules}); {@code verified} is both.
 *
 * @param maze          the maze as read
 * @param size          {@code 11x11}
 * @param path          the maze with the answer's path marked {@code o}; {@code ?} where the model wrote a pad
 * @param valid         the marks change only open cells and connect start to goal
 * @param optimal       valid, and exactly as many marks as a shortest path needs
 * @param verified      valid and optimal
 * @param answeredBy    {@code model}, or {@code classical} (breadth-first search) when the fallback replaced it
 * @param modelPath     what the model said
 * @param modelVerified the checker's verdict on the model's answer
 * @param problem       the first thing wrong with the model's answer, null when it is right
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MazeAnswer(
        String maze,
        String size,
        String path,
        boolean valid,
        boolean optimal,
        boolean verified,
        String answeredBy,
        String modelPath,
        Boolean modelVerified,
        String problem,
        Integer stepsUsed,
        Integer maxSteps,
        Float haltProbability,
        Boolean halted,
        double haltThreshold,
        double wallMs,
        ModelRef model) {

    /** An answer built field by field, by name. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends AnswerBuilder<Builder> {
        private String maze, size, path, modelPath;
        private boolean valid, optimal;

        private Builder() {}

        public Builder maze(String maze, String size) {
            this.maze = maze;
            this.size = size;
            return this;
        }

        /** The path returned, the checker's verdict on it ({@code verified} is both), and who gave it. */
        public Builder path(String path, boolean valid, boolean optimal, String answeredBy) {
            this.path = path;
            this.valid = valid;
            this.optimal = optimal;
            this.answeredBy = answeredBy;
            return this;
        }

        /** What the model said and the checker's verdict on it; {@code problem} null when it is right. */
        public Builder modelSaid(String modelPath, boolean modelVerified, String problem) {
            this.modelPath = modelPath;
            this.modelVerified = modelVerified;
            this.problem = problem;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public MazeAnswer build() {
            return new MazeAnswer(
                    maze,
                    size,
                    path,
                    valid,
                    optimal,
                    valid && optimal,
                    answeredBy,
                    modelPath,
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
