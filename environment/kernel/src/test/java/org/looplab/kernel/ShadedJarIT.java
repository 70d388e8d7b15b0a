package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged kernel jar (runs in `verify`, after shading). The kernel jar sits on the notebook's parent
 * class loader, so any un-relocated third-party class in it would shadow the notebook's own copy (e.g. DJL got the
 * kernel's gson and its slf4j binding swallowed DJL's logs).
 */
class ShadedJarIT {

    /**
     * org/dflib stays: transpiled magics and notebooks' static import name BaseNotebookStatics there. Two folders of
     * data files, no classes, come with %maven's resolver: httpclient's public-suffix list (it loads it by that
     * path) and the licence texts of the XML parser in plexus-utils. io/github/spencerpark holds the kernel's own
     * small facade of IJava's renderer API, which d2l-java's plot-utils notebook calls.
     */
    private static final List<String> ALLOWED =
            List.of("org/looplab/", "org/dflib/", "META-INF/", "mozilla/", "licenses/", "io/github/spencerpark/");

    private static final Path JAR = Path.of(System.getProperty("kernel.jar", "target/looplab-kernel.jar"));

    @Test
    void holdsNoUnrelocatedThirdPartyPackage() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> leaked = jar.stream()
                    .map(ZipEntry::getName)
                    .map(name ->
                            name.replaceFirst("^META-INF/versions/\\d+/(?=.)", "")) // multi-release classes count too
                    .filter(name -> ALLOWED.stream().noneMatch(name::startsWith))
                    .filter(name -> !(name.endsWith("/")
                            && ALLOWED.stream().anyMatch(a -> a.startsWith(name)))) // a folder on the way
                    .toList();
            assertEquals(List.of(), leaked, "entries outside " + ALLOWED);
            assertNotNull(jar.getEntry("org/dflib/jjava/jupyter/kernel/BaseNotebookStatics.class"));
            assertNotNull(jar.getEntry("org/looplab/kernel/shaded/com/google/gson/Gson.class"));
            assertNotNull(jar.getEntry("org/looplab/kernel/shaded/org/zeromq/ZMQ.class"));
            assertNotNull(jar.getEntry("org/looplab/kernel/shaded/org/eclipse/aether/RepositorySystem.class"));
            assertNotNull(jar.getEntry("io/github/spencerpark/ijava/IJava.class"));
            assertNotNull(jar.getEntry("org/looplab/kernel/shaded/org/apache/maven/model/Model.class"));
            assertNotNull(jar.getEntry("org/looplab/kernel/shaded/org/apache/http/client/HttpClient.class"));
            assertTrue(
                    jar.stream().noneMatch(e -> e.getName().matches("(mozilla|licenses)/.*\\.class")),
                    "classes in a data folder");
            // slf4j finds its binding by service file; it must name the relocated provider
            ZipEntry services =
                    jar.getEntry("META-INF/services/org.looplab.kernel.shaded.org.slf4j.spi.SLF4JServiceProvider");
            assertNotNull(services, "relocated slf4j service file");
            String provider = new String(jar.getInputStream(services).readAllBytes()).trim();
            assertEquals("org.looplab.kernel.shaded.org.slf4j.nop.NOPServiceProvider", provider);
            assertEquals(
                    "org.looplab.kernel.KernelMain",
                    jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void launchesAndAsksForAConnectionFile() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the kernel jar did not exit");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("usage: java -jar looplab-kernel.jar <connection-file>"), output);
    }
}
