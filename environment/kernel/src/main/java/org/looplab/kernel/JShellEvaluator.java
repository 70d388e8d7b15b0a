package org.looplab.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Evaluates Java source in an in-process JShell, snippet by snippet, and returns the last snippet's live value.
 * <p>
 * Out-value rule: only an expression (or a bare variable name) as the last snippet gives a value, as in IJava. Unlike
 * IJava, a last expression that ends with an explicit {@code ;} gives none, as in IPython: so {@code display(img);}
 * shows the image without also showing the display id that display() returns. A DisplayData is the exception:
 * {@code render(x);} exists only to be shown, so it is shown with or without the {@code ;}. This changes what a
 * notebook shows, never what it computes.
 */
final class JShellEvaluator implements AutoCloseable {

    private static final Set<Snippet.SubKind> VALUE_KINDS = Set.of(
            Snippet.SubKind.VAR_VALUE_SUBKIND,
            Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND,
            Snippet.SubKind.OTHER_EXPRESSION_SUBKIND);

    private final SnippetLoaderDelegate loader = new SnippetLoaderDelegate();
    private final LiveValueExecutionControl control;
    private final JShell shell;

    JShellEvaluator(List<String> compilerOptions, EvaluationTimeout timeout) {
        this(compilerOptions, timeout, () -> {});
    }

    /** @param onOutOfMemory run the moment a cell's OutOfMemoryError is caught, before JShell reports it */
    JShellEvaluator(List<String> compilerOptions, EvaluationTimeout timeout, Runnable onOutOfMemory) {
        this.control = new LiveValueExecutionControl(loader, timeout, onOutOfMemory);
        this.shell = JShell.builder()
                .executionEngine(control.provider(), Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    ClassLoader snippetClassLoader() {
        return loader.classLoader();
    }

    /** Makes a jar or class folder visible to later snippets, both to javac and to the snippet class loader. */
    void addToClasspath(Path entry) {
        shell.addToClasspath(entry.toAbsolutePath().toString());
    }

    void interrupt() {
        control.interruptRunning();
    }

    /** Stops the running cell for want of memory (see {@link HeapWatch}); false if none was running. */
    boolean stopForMemory() {
        return control.stopForMemory();
    }

    /**
     * Runs every snippet of {@code code} in order and stops at the first failure, which it throws: a
     * {@link CellFailure}, or the very exception the cell's code threw (so Jupyter's ename is its simple name).
     *
     * @return the live value of the last snippet per the rule in the class comment, or null
     */
    Object eval(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Object value = null;
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (completeness == Completeness.DEFINITELY_INCOMPLETE
                    || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                throw new IncompleteSourceException(remaining.strip());
            }
            // UNKNOWN (unparseable) is evaluated too: javac's own error message says more than "invalid".
            String source = completeness == Completeness.UNKNOWN ? remaining : info.source();
            value = evalSnippet(source);
            boolean explicitSemicolon = completeness != Completeness.COMPLETE_WITH_SEMI && endsWithSemicolon(source);
            if (explicitSemicolon && !(value instanceof DisplayData)) {
                value = null;
            }
            remaining = completeness == Completeness.UNKNOWN ? "" : info.remaining();
        }
        return value;
    }

    /** True if the code's last token is {@code ;}, looking past a trailing {@code //} comment on its last line. */
    static boolean endsWithSemicolon(String source) {
        String code = source.strip();
        int lineStart = code.lastIndexOf('\n') + 1;
        char quote = 0;
        for (int i = lineStart; i < code.length() - 1; i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++; // skip the escaped character
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && code.charAt(i + 1) == '/') {
                code = code.substring(0, i).strip();
                break;
            }
        }
        return code.endsWith(";");
    }

    private Object evalSnippet(String source) {
        control.takeFailure(); // only a failure of this snippet may be blamed on it
        try {
            Object value = null;
            for (SnippetEvent event : shell.eval(source)) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet that was merely updated
                }
                Snippet snippet = event.snippet();
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new CompilationException(snippet.source(), problems(snippet));
                }
                if (event.exception() != null) {
                    throw rethrow(failureOf(event));
                }
                warnIfUnresolved(event);
                value = VALUE_KINDS.contains(snippet.subKind()) && event.value() != null
                        ? control.takeResult(event.value())
                        : null;
            }
            return value;
        } finally {
            control.clearResults();
        }
    }

    private Throwable failureOf(SnippetEvent event) {
        if (event.exception() instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet declaration = unresolved.getSnippet();
            return new UnresolvedDependencyException(
                    declaration.name(),
                    shell.unresolvedDependencies(declaration).toList());
        }
        Throwable real = control.takeFailure();
        if (real == null) {
            return event.exception();
        }
        useSnippetFrames(real, event.exception());
        return real;
    }

    /**
     * Gives the cell's exception (and its causes) the stack JShell translated for the same exception: frames in
     * snippet code then name the snippet and its line, e.g. {@code f(#12:3)}, instead of a wrapper class and line.
     */
    private static void useSnippetFrames(Throwable real, Throwable translated) {
        Throwable t = real;
        Throwable e = translated;
        while (t != null
                && e instanceof EvalException eval
                && t.getClass().getName().equals(eval.getExceptionClassName())) {
            t.setStackTrace(eval.getStackTrace());
            t = t.getCause() == t ? null : t.getCause();
            e = eval.getCause();
        }
    }

    private List<CompilationException.Problem> problems(Snippet snippet) {
        return shell.diagnostics(snippet)
                .filter(Diag::isError)
                .map(d -> new CompilationException.Problem(
                        (int) d.getStartPosition(), (int) d.getEndPosition(), d.getMessage(Locale.ROOT)))
                .toList();
    }

    /** JShell keeps a declaration that names something undeclared; say so now rather than when it is used. */
    private void warnIfUnresolved(SnippetEvent event) {
        if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            DeclarationSnippet declaration = (DeclarationSnippet) event.snippet();
            List<String> missing = shell.unresolvedDependencies(declaration).toList();
            System.err.println("'" + declaration.name() + "' cannot be used until these are declared: "
                    + String.join(", ", missing));
        }
    }

    /** Throws a cell's own exception unwrapped (checked ones included); Errors travel inside an UncaughtError. */
    private static RuntimeException rethrow(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw new UncaughtError(error);
        }
        return JShellEvaluator.<RuntimeException>sneakyThrow(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneakyThrow(Throwable thrown) throws T {
        throw (T) thrown;
    }

    @Override
    public void close() {
        shell.close();
    }
}
