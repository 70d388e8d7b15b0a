package org.looplab.kernel.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Tells which Maven artifact a jar on the notebook's classpath is, so that %maven never puts a second version of
 * something already there (LoopLab's own DJL from %classpath, or a jar an earlier %maven added): two versions of a
 * library in one class loader mean whichever comes first wins class by class, a mix no one tested.
 * <p>
 * A jar is known by what %maven recorded for it, else by its place in the local repository
 * ({@code group/path/artifact/version/}), else by its {@code META-INF/maven/.../pom.properties}, else only by its file
 * name ({@code artifact-version[-classifier].jar}, as copy-dependencies names it). A file name gives no group, so
 * then the jar counts as the same artifact only if it also holds one of the same classes.
 */
public final class ClasspathArtifacts {

    /** What is known of one jar; groupId is null when only the file name told. */
    record Identity(String groupId, String artifactId, String version, Path file) {}

    /** A jar already on the classpath that is the wanted artifact, in {@code version}. */
    public record Present(Path file, String version) {}

    private final List<Path> localRepositories;
    private final Map<Path, ResolvedArtifact> addedByMaven = new ConcurrentHashMap<>();
    private final Map<Path, Optional<Identity>> identities = new ConcurrentHashMap<>();

    public ClasspathArtifacts(List<Path> localRepositories) {
        this.localRepositories = localRepositories.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .toList();
    }

    /** Records what a jar that %maven puts on the classpath is (its file may lie outside the local repository). */
    public void added(ResolvedArtifact artifact) {
        addedByMaven.put(artifact.file(), artifact);
    }

    /** The first jar of {@code classpath} that holds {@code wanted} in any version, if there is one. */
    public Optional<Present> find(ResolvedArtifact wanted, List<Path> classpath) {
        for (Path entry : classpath) {
            Path file = entry.toAbsolutePath().normalize();
            if (file.equals(wanted.file())) {
                return Optional.of(new Present(file, wanted.version()));
            }
            ResolvedArtifact known = addedByMaven.get(file);
            if (known != null) {
                if (known.key().equals(wanted.key())) {
                    return Optional.of(new Present(file, known.version()));
                }
                continue;
            }
            Optional<Present> present = identity(file).flatMap(id -> match(id, wanted));
            if (present.isPresent()) {
                return present;
            }
        }
        return Optional.empty();
    }

    private Optional<Present> match(Identity id, ResolvedArtifact wanted) {
        if (!id.artifactId().equals(wanted.artifactId())) {
            return Optional.empty();
        }
        String name = id.file().getFileName().toString();
        String version = id.version();
        String classifier = "";
        String stem = id.artifactId() + "-" + version;
        if (name.startsWith(stem + "-") && name.endsWith(".jar")) {
            classifier = name.substring(stem.length() + 1, name.length() - ".jar".length());
        }
        if (id.groupId() == null) {
            // the file name cannot tell a classifier from the end of a version (pytorch-jni-2.7.1-0.36.0.jar)
            if (!wanted.classifier().isEmpty() && version.endsWith("-" + wanted.classifier())) {
                version = version.substring(
                        0, version.length() - wanted.classifier().length() - 1);
            }
            return sharesAClass(id.file(), wanted.file())
                    ? Optional.of(new Present(id.file(), version))
                    : Optional.empty();
        }
        boolean same = id.groupId().equals(wanted.groupId()) && classifier.equals(wanted.classifier());
        return same ? Optional.of(new Present(id.file(), version)) : Optional.empty();
    }

    private Optional<Identity> identity(Path file) {
        return identities.computeIfAbsent(file, f -> Optional.ofNullable(identify(f)));
    }

    private Identity identify(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".jar") || !Files.isRegularFile(file)) {
            return null; // a class folder: nothing to compare
        }
        Optional<Path> repository =
                localRepositories.stream().filter(file::startsWith).findFirst();
        if (repository.isPresent()) {
            Path relative = repository.get().relativize(file);
            int n = relative.getNameCount();
            if (n >= 4) {
                List<String> group = new ArrayList<>();
                relative.subpath(0, n - 3).forEach(p -> group.add(p.toString()));
                return new Identity(
                        String.join(".", group),
                        relative.getName(n - 3).toString(),
                        relative.getName(n - 2).toString(),
                        file);
            }
        }
        Identity fromPom = fromPomProperties(file);
        if (fromPom != null) {
            return fromPom;
        }
        // artifact-version.jar: the version starts at the first "-digit"
        for (int i = name.indexOf('-'); i > 0; i = name.indexOf('-', i + 1)) {
            if (i + 1 < name.length() && Character.isDigit(name.charAt(i + 1))) {
                return new Identity(
                        null, name.substring(0, i), name.substring(i + 1, name.length() - ".jar".length()), file);
            }
        }
        return null;
    }

    /** The pom.properties whose artifactId the file name starts with (a shaded jar holds several), or the only one. */
    private static Identity fromPomProperties(Path file) {
        String name = file.getFileName().toString();
        try (JarFile jar = new JarFile(file.toFile())) {
            List<Properties> poms = new ArrayList<>();
            for (ZipEntry entry : jar.stream()
                    .filter(e -> e.getName().startsWith("META-INF/maven/")
                            && e.getName().endsWith("/pom.properties"))
                    .toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    Properties p = new Properties();
                    p.load(in);
                    poms.add(p);
                }
            }
            Properties chosen = poms.stream()
                    .filter(p -> name.startsWith(p.getProperty("artifactId", "\0") + "-"))
                    .findFirst()
                    .orElse(poms.size() == 1 ? poms.get(0) : null);
            if (chosen == null || chosen.getProperty("groupId") == null || chosen.getProperty("version") == null) {
                return null;
            }
            return new Identity(
                    chosen.getProperty("groupId"),
                    chosen.getProperty("artifactId"),
                    chosen.getProperty("version"),
                    file);
        } catch (IOException e) {
            return null; // not a readable jar: the class loader will say so
        }
    }

    /** True if the two jars hold a class of the same name: the same library, in whatever versions. */
    static boolean sharesAClass(Path a, Path b) {
        try (JarFile left = new JarFile(a.toFile());
                JarFile right = new JarFile(b.toFile())) {
            return right.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class") && !n.startsWith("META-INF/"))
                    .limit(50)
                    .anyMatch(n -> left.getEntry(n) != null);
        } catch (IOException e) {
            return false;
        }
    }
}
