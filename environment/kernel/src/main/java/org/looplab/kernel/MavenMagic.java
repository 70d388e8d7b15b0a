package org.looplab.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.looplab.kernel.maven.MavenResolver;

/**
 * {@code %maven group:artifact:version ...} (IJava's aliases: {@code %addMavenDependency},
 * {@code %addMavenDependencies}): resolves the artifacts and everything they need at compile and run time, and adds
 * the jars to the classpath. Coordinates are separated by spaces or commas; {@code group:artifact:packaging:classifier:version}
 * names a classifier jar (DJL's natives). {@code --from URL} searches one more repository for this line only.
 * Returns the jars added, so {@code List<String> jars = %maven ...} works.
 */
final class MavenMagic implements LineMagic<List<String>, LoopLabKernel> {

    static final String USAGE =
            "usage: %maven group:artifact:version [group:artifact:packaging:classifier:version ...]" + " [--from URL]";

    /** A line that is only a %maven magic (jjava's line magic form at a line start). */
    private static final Pattern MAVEN_LINE = Pattern.compile("^[ \\t]*%maven[ \\t]+(\\S.*?)[ \\t]*$");

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
                String url = arg.equals("--from")
                        ? (i + 1 < args.size() ? args.get(++i) : "")
                        : arg.substring("--from=".length());
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
        return loader.load("maven", dependencies, from).stream()
                .map(Path::toString)
                .toList();
    }

    /**
     * Joins a cell's consecutive {@code %maven} lines into the first of them, so that they resolve together, as the
     * dependencies of one POM do: one version per library for all of them (the highest), not whichever came first.
     * The joined lines are left empty, so line numbers in error messages stay right.
     */
    static String joinConsecutiveLines(String source) {
        if (!source.contains("%maven")) {
            return source;
        }
        String[] lines = source.split("\n", -1);
        int first = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAVEN_LINE.matcher(lines[i]);
            if (!m.matches()) {
                first = lines[i].isBlank() ? first : -1; // blank lines do not end a run of %maven lines
            } else if (first < 0) {
                first = i;
            } else {
                lines[first] = lines[first] + " " + m.group(1);
                lines[i] = "";
            }
        }
        return String.join("\n", lines);
    }

    private static Dependency dependency(String coordinates) {
        try {
            return MavenResolver.dependency(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MagicArgumentException("maven", e.getMessage());
        }
    }
}
