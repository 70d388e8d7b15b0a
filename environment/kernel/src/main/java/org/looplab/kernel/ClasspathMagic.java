package org.looplab.kernel;

import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * {@code %classpath <glob>...} (and its IJava alias {@code %jars}): adds jars or class folders for the cells after it.
 * Returns the absolute paths added, so {@code List<String> added = %classpath lib/*.jar} works as in IJava.
 */
final class ClasspathMagic implements LineMagic<List<String>, LoopLabKernel> {

    private final ClasspathGlobs globs;
    private final JShellEvaluator evaluator;

    ClasspathMagic(ClasspathGlobs globs, JShellEvaluator evaluator) {
        this.globs = globs;
        this.evaluator = evaluator;
    }

    @Override
    public List<String> eval(LoopLabKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw new MagicArgumentException("classpath", "usage: %classpath <jar, folder or glob>...");
        }
        List<Path> paths =
                args.stream().flatMap(arg -> globs.resolve(arg).stream()).toList();
        paths.forEach(evaluator::addToClasspath);
        return paths.stream().map(Path::toString).toList();
    }
}
