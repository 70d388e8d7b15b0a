package org.looplab.kernel;

import java.io.File;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

/**
 * Resolves IJava-style classpath globs ({@code *} and {@code ?} within one path segment, a trailing {@code /} for
 * every file in a folder, {@code /} as separator on every OS). Relative globs resolve against the kernel's working
 * directory, which Jupyter sets to the notebook's folder; so {@code ../lib/target/notebook-classpath/*.jar} works
 * from any notebook under {@code notebooks/}.
 */
final class ClasspathGlobs {

    private final Path workingDirectory;

    ClasspathGlobs(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * Every path the glob names; a glob may hold several, separated by the path separator.
     *
     * @throws MagicArgumentException naming the glob if it matches nothing: a typo would otherwise only show up as a
     *                                missing class later
     */
    List<Path> resolve(String globs) {
        List<Path> paths = new ArrayList<>();
        for (String glob : globs.split(File.pathSeparator)) {
            if (glob.isBlank()) {
                continue;
            }
            List<Path> matches = matches(glob);
            if (matches.isEmpty()) {
                throw new MagicArgumentException(
                        "classpath",
                        "nothing matches '" + glob + "' (relative paths start at " + workingDirectory + ")");
            }
            matches.forEach(p -> paths.add(p.toAbsolutePath().normalize()));
        }
        return paths;
    }

    private List<Path> matches(String glob) {
        try {
            return PathsHandler.resolveGlobs(absolute(glob));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return List.of(); // a folder on the way is missing
            }
            throw e;
        }
    }

    /** jjava's resolver starts relative globs at the JVM's cwd; this one starts them at the working directory. */
    private String absolute(String glob) {
        String unixStyle = glob.replace(File.separatorChar, '/');
        boolean absolute = unixStyle.startsWith("/") || unixStyle.matches("^[A-Za-z]:/.*");
        String base = workingDirectory.toString().replace(File.separatorChar, '/');
        return absolute ? unixStyle : base + "/" + unixStyle;
    }
}
