package org.looplab.kernel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.eclipse.aether.graph.Dependency;
import org.junit.jupiter.api.Test;

class PomDependenciesTest {

    private static List<String> coordinates(PomDependencies pom) {
        return pom.dependencies().stream()
                .map(Dependency::getArtifact)
                .map(Object::toString)
                .toList();
    }

    @Test
    void aDependenciesFragmentWithPropertiesAndRepositories() {
        PomDependencies pom = PomDependencies.parse("cell", """
                <properties><djl.version>0.36.0</djl.version></properties>
                <repositories><repository><id>extra</id><url>https://example.org/m2/</url></repository></repositories>
                <dependencies>
                  <dependency><groupId>ai.djl</groupId><artifactId>api</artifactId><version>${djl.version}</version></dependency>
                  <dependency><groupId>ai.djl.pytorch</groupId><artifactId>pytorch-native-cpu</artifactId>
                    <classifier>linux-x86_64</classifier><version>2.7.1</version><scope>runtime</scope></dependency>
                  <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                    <version>5.11.4</version><scope>test</scope></dependency>
                </dependencies>
                """, Set.of());
        assertEquals(
                List.of("ai.djl:api:jar:0.36.0", "ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.7.1"),
                coordinates(pom));
        assertEquals("extra", pom.repositories().get(0).getId());
        assertEquals("https://example.org/m2/", pom.repositories().get(0).getUrl());
    }

    @Test
    void bareDependencyElementsAndManagedVersions() {
        PomDependencies pom = PomDependencies.parse("cell", """
                <dependencyManagement><dependencies>
                  <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>2.0.16</version></dependency>
                </dependencies></dependencyManagement>
                <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId></dependency>
                """, Set.of());
        assertEquals(List.of("org.slf4j:slf4j-simple:jar:2.0.16"), coordinates(pom));
    }

    @Test
    void aWholeProjectAndChosenScopes() {
        String project = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>7</version>
                  <dependencies>
                    <dependency><groupId>g</groupId><artifactId>sibling</artifactId><version>${project.version}</version>
                      <exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion></exclusions></dependency>
                    <dependency><groupId>g</groupId><artifactId>tested</artifactId><version>1</version><scope>test</scope></dependency>
                  </dependencies>
                </project>""";
        assertEquals(List.of("g:sibling:jar:7"), coordinates(PomDependencies.parse("pom.xml", project, Set.of())));
        assertEquals(
                "y",
                PomDependencies.parse("pom.xml", project, Set.of())
                        .dependencies()
                        .get(0)
                        .getExclusions()
                        .iterator()
                        .next()
                        .getArtifactId());
        assertEquals(List.of("g:tested:jar:1"), coordinates(PomDependencies.parse("pom.xml", project, Set.of("test"))));
    }

    @Test
    void aVersionFromNowhereIsAnErrorNamingTheDependency() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PomDependencies.parse(
                        "cell",
                        "<dependency><groupId>g</groupId><artifactId>a</artifactId><version>${undefined}</version></dependency>",
                        Set.of()));
        assertEquals(
                "cell: dependency g:a has no version (${undefined} is not defined); a <parent> POM and BOM imports"
                        + " are not read, so give it here",
                e.getMessage());
    }

    @Test
    void malformedXmlNamesTheSource() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PomDependencies.parse("pom.xml", "<dependency><groupId>g</dependency>", Set.of()));
        assertTrue(e.getMessage().startsWith("pom.xml is not a readable POM: "), e.getMessage());
    }
}
