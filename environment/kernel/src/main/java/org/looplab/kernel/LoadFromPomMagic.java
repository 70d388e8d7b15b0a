package org.looplab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.looplab.kernel.maven.PomDependencies;

/**
 * {@code %loadFromPOM pom.xml [scope ...]} and {@code %%loadFromPOM [scope ...]} (the cell holding a POM, or only its
 * {@code <dependencies>}, {@code <repositories>}, {@code <properties>} parts): loads the POM's dependencies of the
 * given scopes (compile and runtime by default) as %maven would, searching the POM's repositories too.
 */
final class LoadFromPomMagic implements LineMagic<List<String>, LoopLabKernel>, CellMagic<List<String>, LoopLabKernel> {

    private final Path workingDirectory;
    private final DependencyLoader loader;

    LoadFromPomMagic(Path workingDirectory, DependencyLoader loader) {
        this.workingDirectory = workingDirectory;
        this.loader = loader;
    }

    @Override
    public List<String> eval(LoopLabKernel kernel, List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new MagicArgumentException("loadFromPOM", "usage: %loadFromPOM pom.xml [scope ...]");
        }
        Path file = workingDirectory.resolve(args.get(0)).normalize();
        if (!Files.isRegularFile(file)) {
            throw new MagicArgumentException("loadFromPOM", "no such file: " + file);
        }
        return load(file.toString(), Files.readString(file), args.subList(1, args.size()));
    }

    @Override
    public List<String> eval(LoopLabKernel kernel, List<String> args, String body) {
        return load("the %%loadFromPOM cell", body, args);
    }

    private List<String> load(String source, String pom, List<String> scopes) {
        PomDependencies parsed;
        try {
            parsed = PomDependencies.parse(source, pom, new LinkedHashSet<>(scopes));
        } catch (IllegalArgumentException e) {
            throw new MagicArgumentException("loadFromPOM", e.getMessage());
        }
        if (parsed.dependencies().isEmpty()) {
            throw new MagicArgumentException(
                    "loadFromPOM",
                    source + " has no dependencies of scope "
                            + (scopes.isEmpty() ? "compile or runtime" : String.join(" or ", scopes)));
        }
        return loader.load("loadFromPOM", parsed.dependencies(), parsed.repositories()).stream()
                .map(Path::toString)
                .toList();
    }
}
