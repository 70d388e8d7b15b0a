package org.looplab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * {@code %load path}: runs a file of JShell snippets, or every code cell of a notebook, as if it were this cell.
 * The name is found as IJava finds it: the exact name, else the name with {@code .jsh}, {@code .jshell},
 * {@code .java}, {@code .ipynb} added, in that order; so d2l-java's {@code %load ../utils/djl-imports} runs
 * {@code djl-imports.ipynb}. A notebook's cells run in order, magics included (a loaded notebook may %maven), and the
 * first failing cell stops the load. Relative names start at the kernel's working directory (the notebook's folder),
 * also inside a loaded notebook, as in IJava. Snippet files hold no {@code package} line. A file that loads itself
 * (directly or through others) or loads nested deeper than {@link #MAX_DEPTH} fails at once, naming the chain.
 */
final class LoadMagic implements LineMagic<Void, LoopLabKernel> {

    static final List<String> EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ipynb");

    /** How deep loads may nest: a real notebook chain is 2 or 3 deep; past this it is a runaway. */
    static final int MAX_DEPTH = 8;

    private final Path workingDirectory;
    // The files being loaded, outermost first: a file that loads itself, directly or through others, is refused at
    // once, naming the chain, instead of recursing for minutes into gigabytes and a nested error of kilobytes.
    private final Deque<Path> loading = new ArrayDeque<>();

    LoadMagic(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Void eval(LoopLabKernel kernel, List<String> args) throws IOException {
        if (args.size() != 1) {
            throw new MagicArgumentException(
                    "load", "usage: %load <file>  (.jsh, .jshell, .java or .ipynb may be left off)");
        }
        Path file = find(args.get(0));
        Path real = file.toRealPath();
        if (loading.contains(real))
            throw new MagicArgumentException("load", "cycle: " + chain(real) + " (a file may not load itself)");
        if (loading.size() >= MAX_DEPTH)
            throw new MagicArgumentException(
                    "load", file + ": loads nest deeper than " + MAX_DEPTH + ": " + chain(real));
        loading.addLast(real);
        try {
            run(kernel, file);
        } finally {
            loading.removeLast();
        }
        return null;
    }

    private String chain(Path next) {
        StringBuilder s = new StringBuilder();
        for (Path p : loading) s.append(p.getFileName()).append(" loads ");
        return s.append(next).toString();
    }

    private static void run(LoopLabKernel kernel, Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".ipynb")) {
            kernel.evalRaw(Files.readString(file));
            return;
        }
        List<String> cells = NotebookCells.codeOf(file);
        for (int i = 0; i < cells.size(); i++) {
            try {
                kernel.evalRaw(cells.get(i));
            } catch (RuntimeException e) {
                System.err.println("%load: code cell " + (i + 1) + " of " + cells.size() + " in " + file + " failed:");
                throw e;
            }
        }
    }

    /** The exact name if it is a file, else the first of name + .jsh, .jshell, .java, .ipynb that is. */
    Path find(String name) {
        Path exact = workingDirectory.resolve(name).normalize();
        if (Files.isRegularFile(exact)) {
            return exact;
        }
        for (String extension : EXTENSIONS) {
            Path candidate = workingDirectory.resolve(name + extension).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new MagicArgumentException(
                "load", "no file " + exact + " (nor with " + String.join(", ", EXTENSIONS) + ")");
    }
}
