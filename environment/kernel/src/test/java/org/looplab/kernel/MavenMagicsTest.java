package org.looplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * %maven, %mavenRepo and %loadFromPOM on the in-process kernel. The artifacts come from a file:// repository the test
 * writes, and from the user's local repository (gson 2.11.0, which building the kernel put there): no network is
 * needed. Surefire points the kernel's own local repository at target/test-m2 (pom.xml).
 */
class MavenMagicsTest {

    private static final TestKernel kernel = TestKernel.shared();
    private static DemoRepository demo;

    @BeforeAll
    static void publishDemoArtifacts() throws IOException {
        demo = new DemoRepository(Files.createTempDirectory("demo-repo"))
                .publish("greeter", "1.0", "Greeter")
                .publish("greeter", "2.0", "Greeter")
                .publish("app", "1.0", "App", "greeter:2.0")
                .publish("counter", "1.0", "Counter")
                .publish("counter", "1.1", "Counter")
                .publish("shapes", "1.0", "Shapes")
                .publish("clock", "3.0", "Clock")
                .publish("ruler", "1.0", "Ruler")
                .publish("core", "1.0", "Core")
                .publish("core", "2.0", "Core")
                .publish("dataset", "1.0", "Dataset", "core:1.0")
                .publish("engine", "2.0", "Engine", "core:2.0");
        kernel.evalRaw("%mavenRepo demo " + demo.url());
    }

    @Test
    void aCachedArtifactLoadsWithItsDependenciesAndIsTheNotebooksOwnCopy() {
        Path localGson = Path.of(
                System.getProperty("maven.repo.local.tail"), "com/google/code/gson/gson/2.11.0/gson-2.11.0.jar");
        assumeTrue(
                Files.isRegularFile(localGson),
                "gson 2.11.0 is not in the local repository (the kernel build puts it there)");
        Object added = kernel.evalRaw("List<String> gsonJars = %maven com.google.code.gson:gson:2.11.0\ngsonJars");
        assertEquals(
                List.of(localGson.toString()),
                ((List<?>) added)
                        .stream().filter(p -> p.toString().contains("gson-")).toList());
        assertTrue(
                ((List<?>) added).stream().anyMatch(p -> p.toString().endsWith("error_prone_annotations-2.27.0.jar")),
                "the transitive dependency: " + added);
        assertEquals("[1,2]", kernel.evalRaw("new com.google.gson.Gson().toJson(List.of(1, 2))"));
        // the notebook's gson, not the kernel's own (relocated in the shaded jar, and absent from the test classpath)
        assertEquals(
                localGson.toUri().getPath(),
                kernel.evalRaw(
                        "com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().getPath()"));
    }

    @Test
    void theVersionAlreadyOnTheClasspathWinsAndTheCellSaysSo() {
        kernel.evalRaw("%maven org.looplab.demo:greeter:1.0");
        StandardStreams cell = StandardStreams.capture(() -> kernel.evalRaw("%maven org.looplab.demo:app:1.0"));
        assertTrue(
                cell.err().contains("%maven: org.looplab.demo:greeter 1.0 is already on the classpath ("), cell.err());
        assertTrue(cell.err().contains("it wins over 2.0, which org.looplab.demo:app:1.0 asked for"), cell.err());
        assertEquals("1.0", kernel.evalRaw("mavendemo.Greeter.version()"));
        assertEquals("1.0", kernel.evalRaw("mavendemo.App.version()"));
    }

    @Test
    void aJarAddedByClasspathUnderItsFileNameAloneAlsoWins() throws IOException {
        Path copied = Files.createDirectories(kernel.workingDirectory().resolve("copied"));
        Files.copy(demo.jarOf("counter", "1.1"), copied.resolve("counter-1.1.jar")); // as copy-dependencies names it
        kernel.evalRaw("%classpath copied/counter-1.1.jar");
        StandardStreams cell = StandardStreams.capture(
                () -> kernel.evalRaw("List<String> counterJars = %maven org.looplab.demo:counter:1.0\ncounterJars"));
        assertEquals(List.of(), cell.value(), "nothing added");
        assertTrue(
                cell.err()
                        .contains("org.looplab.demo:counter 1.1 is already on the classpath ("
                                + copied.resolve("counter-1.1.jar") + "); it wins over 1.0, which this cell asked for"),
                cell.err());
        assertEquals("1.1", kernel.evalRaw("mavendemo.Counter.version()"));
    }

    @Test
    void aCellsMavenLinesResolveTogetherAndTheHighestVersionWins() {
        // like a book whose engine line was switched to a newer engine: the engine needs the newer core
        StandardStreams cell = StandardStreams.capture(() -> kernel.evalRaw("""
                %maven org.looplab.demo:dataset:1.0

                %maven org.looplab.demo:engine:2.0
                String magicAfterMaven = "still here";"""));
        assertFalse(
                cell.err().contains("already on the classpath"),
                "one resolution, no conflict to report: " + cell.err());
        assertEquals("2.0", kernel.evalRaw("mavendemo.Core.version()"));
        assertEquals("still here", kernel.evalRaw("magicAfterMaven"));
    }

    @Test
    void joiningMavenLinesKeepsTheLineCount() {
        assertEquals(
                "%maven a:b:1 c:d:2\n\n\nint x = 1;\n%maven e:f:3",
                MavenMagic.joinConsecutiveLines("%maven a:b:1\n\n%maven c:d:2\nint x = 1;\n%maven e:f:3"));
    }

    @Test
    void coordinatesMaySitOnOneLineSeparatedByCommas() {
        kernel.evalRaw("%maven org.looplab.demo:shapes:1.0, org.looplab.demo:clock:jar:3.0");
        assertEquals("1.0 3.0", kernel.evalRaw("mavendemo.Shapes.version() + \" \" + mavendemo.Clock.version()"));
    }

    @Test
    void anUnknownArtifactFailsNamingItAndTheKernelGoesOn() {
        RuntimeException e =
                assertThrows(RuntimeException.class, () -> kernel.evalRaw("%maven org.looplab.demo:nosuch:1.0"));
        String text = kernel.formattedError(e);
        assertTrue(text.startsWith("%maven: cannot resolve org.looplab.demo:nosuch:1.0:"), text);
        assertTrue(text.contains("org.looplab.demo:nosuch:jar:1.0") && text.contains("demo (" + demo.url()), text);
        assertEquals(2, kernel.evalRaw("1 + 1"));
    }

    @Test
    void anUnreachableRepositoryFailsNamingItAndTheKernelGoesOn() {
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> kernel.evalRaw("%maven org.looplab.demo:elsewhere:1.0 --from http://127.0.0.1:9/maven2/"));
        String text = kernel.formattedError(e);
        assertTrue(text.contains("org.looplab.demo:elsewhere") && text.contains("http://127.0.0.1:9/maven2"), text);
        assertEquals(3, kernel.evalRaw("1 + 2"));
    }

    @Test
    void badCoordinatesAndBadRepositoriesAreArgumentErrors() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%maven gson"));
        assertEquals(
                "%maven: 'gson' is not group:artifact:version or group:artifact:packaging:classifier:version",
                kernel.formattedError(e));
        e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%mavenRepo onlyAnId"));
        assertTrue(
                kernel.formattedError(e).startsWith("%mavenRepo: usage: %mavenRepo ID URL"), kernel.formattedError(e));
    }

    @Test
    void loadFromPomCellTakesDependenciesAndRepositories() {
        kernel.evalRaw("""
                %%loadFromPOM
                <properties><demo.version>1.0</demo.version></properties>
                <repositories><repository><id>demo-pom</id><url>%s</url></repository></repositories>
                <dependency>
                  <groupId>org.looplab.demo</groupId><artifactId>counter</artifactId><version>${demo.version}</version>
                </dependency>
                """.replace("%s", demo.url()));
        // counter 1.1 came first (another test) or 1.0 now: either way one version, and the class loads
        assertTrue(List.of("1.0", "1.1").contains(kernel.evalRaw("mavendemo.Counter.version()")));
    }

    @Test
    void loadFromPomFileReadsAWholeProjectAndItsScopes() throws IOException {
        Files.writeString(kernel.workingDirectory().resolve("demo-pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>x</groupId><artifactId>y</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>org.looplab.demo</groupId><artifactId>ruler</artifactId><version>1.0</version>
                      <scope>test</scope></dependency>
                  </dependencies>
                </project>
                """);
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%loadFromPOM demo-pom.xml"));
        assertTrue(
                kernel.formattedError(e).contains("has no dependencies of scope compile or runtime"),
                kernel.formattedError(e));
        kernel.evalRaw("%loadFromPOM demo-pom.xml test");
        assertEquals("1.0", kernel.evalRaw("mavendemo.Ruler.version()"));
    }
}
