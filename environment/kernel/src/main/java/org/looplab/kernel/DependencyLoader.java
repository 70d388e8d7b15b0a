package org.looplab.kernel;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.looplab.kernel.maven.ClasspathArtifacts;
import org.looplab.kernel.maven.MavenResolver;
import org.looplab.kernel.maven.MavenSettings;
import org.looplab.kernel.maven.ResolutionFailure;
import org.looplab.kernel.maven.ResolvedArtifact;

/**
 * What %maven and %loadFromPOM share: resolve, leave out what the notebook's classpath already holds, add the rest.
 * An artifact already there wins over the version a resolution asks for, and the cell's stderr says so: the jar
 * that came first would win class by class anyway, and two versions in one class loader are a mix no one tested.
 */
final class DependencyLoader {

    private final Supplier<MavenSettings> settings;
    private final JShellEvaluator evaluator;
    private MavenResolver resolver;
    private ClasspathArtifacts onClasspath;

    /** @param settings read on first use, so a broken settings.xml fails the first %maven cell, not the kernel */
    DependencyLoader(Supplier<MavenSettings> settings, JShellEvaluator evaluator) {
        this.settings = settings;
        this.evaluator = evaluator;
    }

    /**
     * Builds the resolver on a daemon thread, so that the first %maven of a cached artifact takes well under the 2 s
     * the kernel aims for, instead of first loading the resolver's classes. A %maven cell that comes sooner waits
     * for it. A failure (a broken settings.xml) is left for that cell to report.
     */
    void prepareInBackground() {
        Thread thread = new Thread(
                () -> {
                    try {
                        resolver().prepare();
                    } catch (RuntimeException e) {
                        // the first %maven cell meets the same problem and reports it
                    }
                },
                "maven-resolver-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    synchronized MavenResolver resolver() {
        if (resolver == null) {
            MavenSettings s = settings.get();
            resolver = new MavenResolver(s);
            List<Path> localRepositories = new ArrayList<>(List.of(s.localRepository()));
            localRepositories.addAll(s.localRepositoryTail());
            onClasspath = new ClasspathArtifacts(localRepositories);
        }
        return resolver;
    }

    /**
     * @param magic named in messages
     * @return the jars added, in classpath order
     * @throws ResolutionFailure naming the magic and each artifact that failed; nothing is added then
     */
    synchronized List<Path> load(
            String magic, List<Dependency> dependencies, List<RemoteRepository> extraRepositories) {
        List<ResolvedArtifact> resolved;
        try {
            resolved = resolver().resolve(dependencies, extraRepositories);
        } catch (ResolutionFailure e) {
            throw new ResolutionFailure("%" + magic + ": " + e.getMessage());
        }
        List<Path> classpath = new ArrayList<>(classpath());
        List<Path> added = new ArrayList<>();
        for (ResolvedArtifact artifact : resolved) {
            Optional<ClasspathArtifacts.Present> present = onClasspath.find(artifact, classpath);
            if (present.isPresent()) {
                if (!present.get().version().equals(artifact.version())) {
                    System.err.println(conflict(magic, artifact, present.get()));
                }
                continue;
            }
            evaluator.addToClasspath(artifact.file());
            onClasspath.added(artifact);
            classpath.add(artifact.file());
            added.add(artifact.file());
        }
        return added;
    }

    private static String conflict(String magic, ResolvedArtifact wanted, ClasspathArtifacts.Present present) {
        String askedBy = wanted.requiredBy().isEmpty()
                ? "which this cell asked for"
                : "which " + wanted.requiredBy() + " asked for";
        return "%" + magic + ": " + wanted.key() + " " + present.version() + " is already on the classpath ("
                + present.file() + "); it wins over " + wanted.version() + ", " + askedBy;
    }

    /** The jars and folders snippets load from now, in order (%classpath's, IJAVA_CLASSPATH's and %maven's). */
    private List<Path> classpath() {
        if (!(evaluator.snippetClassLoader() instanceof URLClassLoader loader)) {
            return List.of();
        }
        return Arrays.stream(loader.getURLs())
                .map(DependencyLoader::path)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Path> path(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Optional.of(Path.of(url.toURI())) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
