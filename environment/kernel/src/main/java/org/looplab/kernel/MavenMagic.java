package org.looplab.kernel;

import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.looplab.kernel.maven.MavenResolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %maven group:artifact:version ...} (IJava's aliases: {@code %addMavenDependency},
 * {@code %addMavenDependencies}): resolves the artifacts and everything they need at compile and run time, and adds
 * the jars to the classpath. Coordinates are separated by spaces or commas; {@code group:artifact:packaging:classifier:version}
 * names a classifier jar (DJL's natives). {@code --from URL} searches one more repository for this line only.
 * Returns the jars added, so {@code List<String> jars = %maven ...} works.
 */
final class MavenMagic implements LineMagic<List<String>, LoopLabKernel> {

    static final String USAGE = "usage: %maven group:artifact:version [group:artifact:packaging:classifier:version ...]"
            + " [--from URL]";

    private final DependencyLoader loader;

    MavenMagic(DependencyLoader loader) {
        this.loader = loader;
    }

    @Override
    public List<String> eval(LoopLabKernel kernel, List<String> args) {
        List<Dependency> dependencies = new ArrayList<>();
        List<RemoteRepository> from = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--from") || arg.startsWith("--from=")) {
                String url = arg.equals("--from") ? (i + 1 < args.size() ? args.get(++i) : "") : arg.substring("--from=".length());
                if (url.isBlank()) {
                    throw new MagicArgumentException("maven", "--from needs a repository URL; " + USAGE);
                }
                from.add(MavenResolver.repository("from-" + (from.size() + 1), url));
                continue;
            }
            for (String coordinates : arg.split(",")) {
                if (!coordinates.isBlank()) {
                    dependencies.add(dependency(coordinates.strip()));
                }
            }
        }
        if (dependencies.isEmpty()) {
            throw new MagicArgumentException("maven", USAGE);
        }
        return loader.load("maven", dependencies, from).stream().map(Path::toString).toList();
    }

    private static Dependency dependency(String coordinates) {
        try {
            return MavenResolver.dependency(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MagicArgumentException("maven", e.getMessage());
        }
    }

}
