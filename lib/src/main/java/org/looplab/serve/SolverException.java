package org.looplab.serve;

/**
 * A request the solver refuses, with a stable code a script can branch on and a message a person can act on.
 * The server answers it as a tool error and goes on serving.
 */
public final class SolverException extends RuntimeException {

    /** What was wrong; the names are the JSON codes. */
    public enum Code {
        WRONG_LENGTH,
        ILLEGAL_CHARACTER,
        CONTRADICTORY_GIVENS,
        NO_SOLUTION,
        OVERSIZED,
        BAD_ARGUMENT,
        UNKNOWN_ARGUMENT,
        NO_MODEL,
        BAD_JSON,
        INTERNAL;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Code code;

    public SolverException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** The JSON body of the error: {@code {"code": "wrong_length", "message": "..."}}. */
    public SolverError error() {
        return new SolverError(code.id(), getMessage());
    }

    /** An error as it goes over the wire. */
    public record SolverError(String code, String message) {}
}
