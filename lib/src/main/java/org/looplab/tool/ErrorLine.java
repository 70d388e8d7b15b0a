package org.looplab.tool;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;

/**
 * The one line a failed command prints: what went wrong and where, in the user's words. No stack trace, and no
 * Java class names: the JDK's file errors carry only a path ({@code NoSuchFileException: data/x}), and a wrapped
 * exception's default message is its cause's class name.
 */
final class ErrorLine {
    private ErrorLine() {}

    /** A qualified exception class name and its colon, as {@code Throwable.toString} writes it. */
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");

    static String of(Throwable e) {
        if (e instanceof NoSuchFileException f) return f.getFile() + ": no such file or folder";
        if (e instanceof AccessDeniedException f) return f.getFile() + ": permission denied";
        if (e instanceof FileSystemException f)
            return f.getFile() + ": " + (f.getReason() == null ? "cannot access" : f.getReason());
        // The decoder's own text is "Input length = 1": say what the file is instead.
        if (e instanceof java.nio.charset.CharacterCodingException) return "not UTF-8 text (a binary file?)";
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (e instanceof UncheckedIOException && cause != null) {
            String why = of(cause);
            if (message == null || message.equals(cause.toString())) return why;
            return message.contains(why) ? clean(message) : clean(message) + ": " + why;
        }
        if (message == null || message.isBlank()) {
            return cause != null && cause != e
                    ? of(cause)
                    : "unexpected internal error (no message); please report it with the command";
        }
        return clean(message);
    }

    private static String clean(String message) {
        return CLASS_PREFIX.matcher(message).replaceAll("").strip();
    }
}
