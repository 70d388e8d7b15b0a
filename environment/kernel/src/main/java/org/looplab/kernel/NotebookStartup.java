package org.looplab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What runs before the first cell: IJAVA_CLASSPATH, the default imports, IJAVA_STARTUP_SCRIPTS_PATH, then
 * IJAVA_STARTUP_SCRIPT. Deferred to the first cell, as IJava and JJava do: run before connecting, it would delay
 * Jupyter's kernel_info reply by about 1.5 s, and a failure here now shows as that cell's error.
 */
final class NotebookStartup {

    /**
     * IJava's default imports, exactly, plus its display statics and printf. Nothing more (JJava adds java.time.*):
     * a notebook that runs here must also run on a user's IJava.
     */
    static final String DEFAULT_IMPORTS = String.join(
            "\n",
            "import java.util.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.util.concurrent.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            // display, render, updateDisplay, eval, printf; org.dflib is why that package is never relocated
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");

    private final KernelSettings settings;
    private final ClasspathGlobs classpath;
    private final JShellEvaluator evaluator;

    NotebookStartup(KernelSettings settings, ClasspathGlobs classpath, JShellEvaluator evaluator) {
        this.settings = settings;
        this.classpath = classpath;
        this.evaluator = evaluator;
    }

    void run() {
        for (String glob : settings.classpathGlobs()) {
            classpath.resolve(glob).forEach(evaluator::addToClasspath);
        }
        evaluator.eval(DEFAULT_IMPORTS);
        for (String glob : settings.startupScriptGlobs()) {
            for (Path script : classpath.resolve(glob)) {
                evaluator.eval(read(script));
            }
        }
        if (!settings.startupScript().isBlank()) {
            evaluator.eval(settings.startupScript());
        }
    }

    private static String read(Path script) {
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read startup script " + script, e);
        }
    }
}
