package org.looplab.kernel;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Completion, inspection and is-complete answers from JShell's SourceCodeAnalysis. A cell holds many snippets and
 * JShell analyses one at a time, so each request first finds the snippet under the cursor.
 * Offsets are Java string indices; Jupyter counts code points, which differ only past U+FFFF.
 */
final class CodeAssistant {

    private static final String INDENT = "    ";

    private final Supplier<SourceCodeAnalysis> analysis;

    CodeAssistant(Supplier<SourceCodeAnalysis> analysis) {
        this.analysis = analysis;
    }

    ReplacementOptions complete(String code, int cursor) {
        Segment segment = segmentAt(code, cursor);
        int[] anchor = new int[1];
        List<Suggestion> suggestions =
                analysis.get().completionSuggestions(segment.text(), cursor - segment.start(), anchor);
        List<String> replacements = suggestions.stream()
                .sorted(Comparator.comparing((Suggestion s) -> !s.matchesType())) // type-matching ones first
                .map(Suggestion::continuation)
                .distinct()
                .toList();
        return new ReplacementOptions(replacements, segment.start() + anchor[0], cursor);
    }

    /** Signatures of what is under the cursor (with javadoc when asked for detail and the JDK has sources). */
    DisplayData inspect(String code, int cursor, boolean detail) {
        Segment segment = segmentAt(code, cursor);
        int at = endOfCallOrName(segment.text(), cursor - segment.start());
        List<Documentation> docs = analysis.get().documentation(segment.text(), at, detail);
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(d -> detail && d.javadoc() != null ? d.signature() + "\n" + d.javadoc() : d.signature())
                .collect(Collectors.joining("\n"));
        return new DisplayData(text);
    }

    /** {@code complete}, {@code invalid}, or the indent for the next line when the code is not finished yet. */
    String isComplete(String code) {
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.get().analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                return BaseKernel.IS_COMPLETE_YES;
            }
            if (completeness == Completeness.UNKNOWN) {
                return BaseKernel.IS_COMPLETE_BAD;
            }
            if (!completeness.isComplete()) {
                return nextIndent(code);
            }
            if (info.remaining().isBlank()) {
                return BaseKernel.IS_COMPLETE_YES;
            }
            remaining = info.remaining();
        }
    }

    /** The last line's indent, one level deeper if it opens a block or a call. */
    private static String nextIndent(String code) {
        String lastLine = code.stripTrailing();
        lastLine = lastLine.substring(lastLine.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(
                0, lastLine.length() - lastLine.stripLeading().length());
        return lastLine.endsWith("{") || lastLine.endsWith("(") ? indent + INDENT : indent;
    }

    /** JShell documents a name when the cursor is at its end, and a call when it is just inside the {@code (}. */
    private static int endOfCallOrName(String text, int cursor) {
        int at = cursor;
        while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
            at++;
        }
        return at < text.length() && text.charAt(at) == '(' ? at + 1 : at;
    }

    /** The complete snippet holding the cursor, or everything after the last complete one. */
    private Segment segmentAt(String code, int cursor) {
        int start = 0;
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.get().analyzeCompletion(remaining);
            int consumed = remaining.length() - info.remaining().length();
            if (!info.completeness().isComplete() || consumed <= 0 || start + consumed >= cursor) {
                return new Segment(
                        start, info.completeness().isComplete() ? remaining.substring(0, consumed) : remaining);
            }
            start += consumed;
            remaining = info.remaining();
        }
    }

    private record Segment(int start, String text) {}
}
