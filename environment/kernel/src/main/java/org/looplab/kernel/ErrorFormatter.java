package org.looplab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * Turns a failed cell into the traceback lines Jupyter shows (ANSI-coloured; a caret line under each compile error
 * keeps the span visible where colours are lost, e.g. in nbconvert's text output).
 */
final class ErrorFormatter {

    /** JShell's wrapper class prefix, e.g. {@code REPL.$JShell$12$} in {@code REPL.$JShell$12$Foo.bar(#12:3)}. */
    private static final Pattern WRAPPER_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+[.$]?");

    private static final String SNIPPET_ENTRY = "do_it$";
    private static final int MAX_FRAMES = 40; // StackOverflowError has thousands, all alike
    private static final int MAX_CAUSES = 8;
    /** How jjava's BaseNotebookStatics.lineMagic/cellMagic wrap whatever a magic threw. */
    private static final String MAGIC_WRAPPER_PREFIX = "Exception occurred while running";

    private final StringStyler styler;
    private final MagicsRegistry magics;

    ErrorFormatter(StringStyler styler, MagicsRegistry magics) {
        this.styler = styler;
        this.magics = magics;
    }

    List<String> format(Throwable failure) {
        List<String> lines = new ArrayList<>();
        append(failure, lines, 0);
        return lines;
    }

    private void append(Throwable failure, List<String> lines, int depth) {
        if (failure instanceof CompilationException compile) {
            appendCompileError(compile, lines);
        } else if (failure instanceof UncaughtError uncaught) {
            appendStackTrace(uncaught.getCause(), lines, depth);
        } else if (failure instanceof UndefinedMagicException undefined) {
            lines.add(styler.secondary(
                    undefined.getMessage() + ". This kernel knows " + knownMagics(undefined.isLineMagic()) + "."));
        } else if (failure instanceof CellFailure) {
            lines.add(styler.secondary(failure.getMessage()));
        } else if (isMagicWrapper(failure)) {
            append(failure.getCause(), lines, depth); // the magic's own failure says it; the wrapper adds nothing
        } else {
            appendStackTrace(failure, lines, depth);
        }
    }

    private static boolean isMagicWrapper(Throwable failure) {
        return failure.getClass() == RuntimeException.class
                && failure.getCause() != null
                && String.valueOf(failure.getMessage()).startsWith(MAGIC_WRAPPER_PREFIX);
    }

    private String knownMagics(boolean line) {
        TreeSet<String> names = new TreeSet<>(line ? magics.getLineMagicNames() : magics.getCellMagicNames());
        return names.isEmpty() ? "no " + (line ? "line" : "cell") + " magics" : "%" + String.join(", %", names);
    }

    private void appendCompileError(CompilationException compile, List<String> lines) {
        String source = compile.source();
        for (CompilationException.Problem problem : compile.problems()) {
            if (problem.start() >= 0 && problem.end() >= problem.start() && problem.end() <= source.length()) {
                appendMarkedSpan(source, problem.start(), Math.max(problem.end(), problem.start() + 1), lines);
            }
            lines.addAll(styler.secondaryLines(problem.message()));
        }
        if (compile.problems().isEmpty()) {
            lines.addAll(styler.primaryLines(source));
            lines.add(styler.secondary(compile.getMessage()));
        }
    }

    /** Each source line the span touches, the span highlighted, and a {@code ^^^} line beneath it. */
    private void appendMarkedSpan(String source, int start, int end, List<String> lines) {
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        while (lineStart < end && lineStart <= source.length()) {
            int lineEnd = source.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = source.length();
            }
            String line = source.substring(lineStart, lineEnd);
            int from = Math.max(start, lineStart) - lineStart;
            int to = Math.min(Math.min(end, lineEnd) - lineStart, line.length());
            if (to <= from) { // an error at the very end of a line: mark the end
                from = Math.min(from, line.length());
                to = from;
            }
            lines.add(styler.highlightSubstring(line, from, to));
            lines.add(" ".repeat(from) + "^".repeat(Math.max(1, to - from)));
            lineStart = lineEnd + 1;
        }
    }

    private void appendStackTrace(Throwable thrown, List<String> lines, int depth) {
        lines.add(styler.secondary((depth == 0 ? "" : "Caused by: ") + thrown));
        StackTraceElement[] frames = thrown.getStackTrace();
        int shown = 0;
        for (StackTraceElement frame : frames) {
            if (shown == MAX_FRAMES) {
                lines.add(styler.primary("\t... " + (frames.length - shown) + " more"));
                break;
            }
            lines.add(styler.primary("\tat " + describe(frame)));
            shown++;
            if (frame.getMethodName().equals(SNIPPET_ENTRY)) {
                break; // below here is only the kernel running the snippet
            }
        }
        Throwable cause = thrown.getCause();
        if (cause != null && cause != thrown && depth < MAX_CAUSES) {
            append(cause, lines, depth + 1);
        }
    }

    /**
     * Frames in snippet code read like the jshell tool's: {@code f(#12:3)}, and {@code (#13:1)} for the cell itself.
     * JShell has already translated most (file {@code #id}, wrapper class removed); the rest still name the wrapper.
     */
    private static String describe(StackTraceElement frame) {
        boolean translated = frame.getFileName() != null && frame.getFileName().startsWith("#");
        if (!translated && !frame.getClassName().startsWith("REPL.")) {
            return frame.toString();
        }
        String type = WRAPPER_CLASS.matcher(frame.getClassName()).replaceFirst("");
        String method = frame.getMethodName().equals(SNIPPET_ENTRY) ? "" : frame.getMethodName();
        String name = type.isEmpty() || method.isEmpty() ? type + method : type + "." + method;
        return name + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }
}
