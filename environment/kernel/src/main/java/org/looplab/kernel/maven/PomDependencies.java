package org.looplab.kernel.maven;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The dependencies and repositories of a POM, for %loadFromPOM. The text may be a whole {@code <project>} or, as in
 * IJava's {@code %%loadFromPOM}, only some of its parts ({@code <dependencies>}, {@code <dependency>},
 * {@code <repositories>}, {@code <properties>}, {@code <dependencyManagement>}) one after another.
 * <p>
 * {@code ${name}} is replaced from the POM's {@code <properties>} and {@code project.*}. A {@code <parent>} POM and
 * BOM imports are not read: a dependency whose version would come from them is an error naming it.
 *
 * @param source where the POM came from, for error messages
 */
public record PomDependencies(String source, List<Dependency> dependencies, List<RemoteRepository> repositories) {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    /** A whole POM starts with {@code <project>} (after an XML declaration or comments); anything else is a fragment. */
    private static final Pattern WHOLE_PROJECT =
            Pattern.compile("^\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<project[\\s>]", Pattern.DOTALL);

    /**
     * @param scopes the dependency scopes to load ({@code compile} and {@code runtime} when empty, as %maven does)
     * @throws IllegalArgumentException naming the source and the problem: malformed XML, a dependency without version
     */
    public static PomDependencies parse(String source, String pom, Set<String> scopes) {
        Model model = read(source, WHOLE_PROJECT.matcher(pom).lookingAt() ? pom : asProject(source, pom));
        Map<String, String> properties = properties(model);
        Map<String, String> managed = new HashMap<>();
        DependencyManagement management = model.getDependencyManagement();
        if (management != null) {
            for (org.apache.maven.model.Dependency d : management.getDependencies()) {
                managed.put(key(d, properties), interpolate(d.getVersion(), properties));
            }
        }
        Set<String> wanted = scopes.isEmpty() ? Set.of("compile", "runtime") : scopes;
        List<Dependency> dependencies = model.getDependencies().stream()
                .filter(d -> wanted.contains(d.getScope() == null ? "compile" : d.getScope()))
                .map(d -> dependency(source, d, properties, managed))
                .toList();
        List<RemoteRepository> repositories = model.getRepositories().stream()
                .map(r -> MavenResolver.repository(r.getId(), interpolate(r.getUrl(), properties)))
                .toList();
        return new PomDependencies(source, dependencies, repositories);
    }

    /** A fragment as a project: its bare {@code <dependency>} and {@code <repository>} elements put in their lists. */
    private static String asProject(String source, String fragment) {
        try {
            DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // the exception says it; the default also prints it
            Document doc = builder.parse(new InputSource(new StringReader("<project>" + fragment + "</project>")));
            Element project = doc.getDocumentElement();
            for (String[] pair : new String[][] {{"dependency", "dependencies"}, {"repository", "repositories"}}) {
                Element list = null;
                for (Node child = project.getFirstChild(); child != null; ) {
                    Node next = child.getNextSibling();
                    if (child instanceof Element e && e.getTagName().equals(pair[0])) {
                        if (list == null) {
                            list = (Element) project.appendChild(doc.createElement(pair[1]));
                        }
                        list.appendChild(e);
                    }
                    child = next;
                }
            }
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(source + " is not a readable POM: " + e.getMessage(), e);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML parser is broken", e);
        }
    }

    private static Model read(String source, String xml) {
        try {
            return new MavenXpp3Reader().read(new StringReader(xml), false);
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalArgumentException(source + " is not a readable POM: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(Model model) {
        Map<String, String> properties = new HashMap<>();
        Properties own = model.getProperties();
        own.stringPropertyNames().forEach(name -> properties.put(name, own.getProperty(name)));
        if (model.getGroupId() != null) {
            properties.put("project.groupId", model.getGroupId());
        }
        if (model.getVersion() != null) {
            properties.put("project.version", model.getVersion());
        }
        return properties;
    }

    private static Dependency dependency(
            String source,
            org.apache.maven.model.Dependency d,
            Map<String, String> properties,
            Map<String, String> managed) {
        String version =
                d.getVersion() != null ? interpolate(d.getVersion(), properties) : managed.get(key(d, properties));
        String groupArtifact =
                interpolate(d.getGroupId(), properties) + ":" + interpolate(d.getArtifactId(), properties);
        if (version == null || version.contains("${")) {
            throw new IllegalArgumentException(source + ": dependency " + groupArtifact + " has no version"
                    + (version == null ? "" : " (" + version + " is not defined)")
                    + "; a <parent> POM and BOM imports are not read, so give it here");
        }
        DefaultArtifact artifact = new DefaultArtifact(
                interpolate(d.getGroupId(), properties),
                interpolate(d.getArtifactId(), properties),
                interpolate(d.getClassifier(), properties),
                d.getType() == null ? "jar" : interpolate(d.getType(), properties),
                version);
        List<Exclusion> exclusions = d.getExclusions().stream()
                .map(e -> new Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*"))
                .toList();
        // chosen to be on the classpath: from here on it is compile scope, its own dependencies follow compile's rules
        return new Dependency(artifact, "compile", false, exclusions);
    }

    private static String key(org.apache.maven.model.Dependency d, Map<String, String> properties) {
        return interpolate(d.getGroupId(), properties) + ":" + interpolate(d.getArtifactId(), properties) + ":"
                + (d.getClassifier() == null ? "" : interpolate(d.getClassifier(), properties));
    }

    private static String interpolate(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = properties.get(m.group(1));
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(replacement != null ? interpolate(replacement, properties) : m.group()));
        }
        m.appendTail(out);
        return out.toString().trim();
    }
}
