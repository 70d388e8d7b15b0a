package org.looplab.data;

import java.util.List;

/**
 * An ARC task: demonstration pairs ("train") and test pairs. {@code id} is the file name without {@code .json}.
 * In evaluation challenge files a test pair may lack its output; then {@link Pair#output()} is null.
 */
public record ArcTask(String id, List<Pair> train, List<Pair> test) {

    /** An input grid and its output grid (colours 0-9, at most 30×30). */
    public record Pair(Grid input, Grid output) {
        public Pair {
            if (input == null) throw new IllegalArgumentException("an ARC pair needs an input grid");
        }

        public boolean hasOutput() {
            return output != null;
        }
    }

    public ArcTask {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
