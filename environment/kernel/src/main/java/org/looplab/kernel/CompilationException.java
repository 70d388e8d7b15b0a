package org.looplab.kernel;

import java.util.List;

/** javac rejected a snippet; {@link ErrorFormatter} shows {@link #source()} with each problem's span marked. */
public final class CompilationException extends CellFailure {

    /** One javac diagnostic; offsets are into the snippet source, -1 where javac gave none. */
    public record Problem(int start, int end, String message) {}

    private final String source;
    private final List<Problem> problems;

    public CompilationException(String source, List<Problem> problems) {
        super(
                problems.isEmpty()
                        ? "javac rejected the snippet"
                        : problems.get(0).message());
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
