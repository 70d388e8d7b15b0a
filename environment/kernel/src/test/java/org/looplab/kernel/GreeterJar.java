package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/** A tiny library for classpath tests: demo.Greeter.hello() returns "hi". */
final class GreeterJar {

    private GreeterJar() {}

    /** Writes {@code folder/deps/greeter.jar} and returns its path. */
    static Path writeInto(Path folder) {
        try {
            Path sources = Files.createTempDirectory("greeter-src");
            Path source = Files.writeString(
                    sources.resolve("Greeter.java"),
                    "package demo; public class Greeter { public static String hello() { return \"hi\"; } }");
            int rc = ToolProvider.getSystemJavaCompiler()
                    .run(null, null, null, "-d", sources.toString(), source.toString());
            assertEquals(0, rc, "javac failed");
            Path jar = Files.createDirectories(folder.resolve("deps")).resolve("greeter.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry("demo/Greeter.class"));
                out.write(Files.readAllBytes(sources.resolve("demo/Greeter.class")));
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
