package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/**
 * A Maven repository in a folder (reached by a file:// URL), holding small artifacts of group {@code org.looplab.demo}
 * whose one class {@code mavendemo.<Name>} has {@code static String version()}: tests of %maven that need no network.
 */
final class DemoRepository {

    static final String GROUP = "org.looplab.demo";

    private final Path root;

    DemoRepository(Path root) {
        this.root = root;
    }

    String url() {
        return root.toUri().toString();
    }

    /**
     * Publishes {@code org.looplab.demo:artifact:version}, whose class {@code mavendemo.className} reports the
     * version, depending on the given {@code artifact:version} pairs of the same group.
     */
    DemoRepository publish(String artifact, String version, String className, String... dependencies) {
        try {
            Path folder = Files.createDirectories(
                    root.resolve("org/looplab/demo").resolve(artifact).resolve(version));
            Files.write(folder.resolve(artifact + "-" + version + ".jar"), jar(className, version));
            StringBuilder deps = new StringBuilder();
            for (String d : dependencies) {
                String[] parts = d.split(":");
                deps.append("<dependency><groupId>" + GROUP + "</groupId><artifactId>" + parts[0]
                        + "</artifactId><version>" + parts[1] + "</version></dependency>");
            }
            Files.writeString(
                    folder.resolve(artifact + "-" + version + ".pom"), """
                    <project><modelVersion>4.0.0</modelVersion><groupId>%s</groupId><artifactId>%s</artifactId>
                    <version>%s</version><dependencies>%s</dependencies></project>
                    """.formatted(GROUP, artifact, version, deps));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar of a published artifact, e.g. to copy it somewhere else as copy-dependencies would. */
    Path jarOf(String artifact, String version) {
        return root.resolve("org/looplab/demo")
                .resolve(artifact)
                .resolve(version)
                .resolve(artifact + "-" + version + ".jar");
    }

    private static byte[] jar(String className, String version) throws IOException {
        Path sources = Files.createTempDirectory("demo-src");
        Path source = Files.writeString(
                sources.resolve(className + ".java"),
                "package mavendemo; public class " + className + " { public static String version() { return \""
                        + version + "\"; } }");
        int rc =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", sources.toString(), source.toString());
        assertEquals(0, rc, "javac failed");
        Path jar = sources.resolve("out.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("mavendemo/" + className + ".class"));
            out.write(Files.readAllBytes(sources.resolve("mavendemo/" + className + ".class")));
        }
        return Files.readAllBytes(jar);
    }
}
