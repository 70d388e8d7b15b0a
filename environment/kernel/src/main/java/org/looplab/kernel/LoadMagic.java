package org.looplab.kernel;

import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code %load path/File.java}: evaluates the snippets in one file, as if they were a cell. Only the exact file name
 * is accepted, because that is the one form IJava 1.3 and JJava a6 and a8 all read the same way (no extension
 * guessing, no notebooks). The file holds JShell snippets: no {@code package} line.
 */
final class LoadMagic implements LineMagic<Void, LoopLabKernel> {

    private static final Set<String> EXTENSIONS = Set.of(".java", ".jsh", ".jshell");

    private final Path workingDirectory;

    LoadMagic(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Void eval(LoopLabKernel kernel, List<String> args) throws IOException {
        if (args.size() != 1) {
            throw new MagicArgumentException("load", "usage: %load <file.java | file.jsh | file.jshell>");
        }
        String name = args.get(0);
        if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
            throw new MagicArgumentException("load", "takes an exact .java, .jsh or .jshell file name, got '" + name + "'");
        }
        Path file = workingDirectory.resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            throw new MagicArgumentException("load", "no such file: " + file);
        }
        kernel.evalRaw(Files.readString(file));
        return null;
    }
}
