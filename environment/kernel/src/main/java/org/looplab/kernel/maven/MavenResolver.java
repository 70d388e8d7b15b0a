package org.looplab.kernel.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.LocalRepositoryManager;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.graph.transformer.ChainedDependencyGraphTransformer;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.eclipse.aether.util.graph.transformer.JavaDependencyContextRefiner;
import org.eclipse.aether.util.graph.transformer.JavaScopeDeriver;
import org.eclipse.aether.util.graph.transformer.JavaScopeSelector;
import org.eclipse.aether.util.graph.transformer.SimpleOptionalitySelector;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.ChainedLocalRepositoryManager;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Resolves Maven coordinates, transitively (compile and runtime scope), with Apache Maven Resolver: the library Maven
 * itself resolves with, sharing its local repository. One difference from {@code mvn}: when dependencies disagree on
 * a version, the highest wins ({@link HighestVersionSelector}). An artifact already in the local repository is taken from there without touching the network, so a
 * second run of a notebook works offline.
 * <p>
 * The resolver is built on first use: a kernel that never runs %maven pays nothing for it.
 */
public final class MavenResolver {

    public static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";
    /** A dead repository should fail a cell in seconds, not hang it (Maven's default connect timeout is 10 s too). */
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private static final int REQUEST_TIMEOUT_MS = 60_000;

    private final MavenSettings settings;
    // "central" is the id Maven records in ~/.m2's _remote.repositories: another id would not see mvn's downloads
    private final Map<String, RemoteRepository> repositories =
            new LinkedHashMap<>(Map.of("central", repository("central", CENTRAL_URL)));
    private RepositorySystem system;
    private DefaultRepositorySystemSession session;

    public MavenResolver(MavenSettings settings) {
        this.settings = settings;
    }

    public MavenSettings settings() {
        return settings;
    }

    /** {@code %mavenRepo ID URL}: later resolutions search it too, after the ones added before it. */
    public synchronized void addRepository(String id, String url) {
        repositories.put(id, repository(id, url));
    }

    public synchronized List<String> repositoryIds() {
        return List.copyOf(repositories.keySet());
    }

    public static RemoteRepository repository(String id, String url) {
        return new RemoteRepository.Builder(id, "default", url).build();
    }

    /**
     * A dependency for {@code group:artifact:version} or {@code group:artifact:packaging[:classifier]:version}.
     *
     * @throws IllegalArgumentException naming the coordinates if they have another form
     */
    public static Dependency dependency(String coordinates) {
        Artifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + coordinates + "' is not group:artifact:version"
                    + " or group:artifact:packaging:classifier:version");
        }
        return new Dependency(artifact, JavaScopes.COMPILE);
    }

    /**
     * Every jar the dependencies need, in classpath order (a dependency before what it depends on, as Maven lists
     * them), each once, in the version Maven's mediation picks.
     *
     * @param extraRepositories searched after the kernel's own repositories, for this call only
     * @throws ResolutionFailure naming each artifact that could not be found or fetched, and where it was looked for
     */
    public synchronized List<ResolvedArtifact> resolve(
            List<Dependency> dependencies, List<RemoteRepository> extraRepositories) {
        List<RemoteRepository> searched = new ArrayList<>(repositories.values());
        searched.addAll(extraRepositories);
        CollectRequest collect =
                new CollectRequest(dependencies, List.of(), system().newResolutionRepositories(session, searched));
        DependencyRequest request = new DependencyRequest(
                collect, DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME));
        DependencyResult result;
        try {
            result = system.resolveDependencies(session, request);
        } catch (DependencyResolutionException e) {
            throw failure(dependencies, e);
        }
        Map<Artifact, String> requiredBy = new HashMap<>();
        result.getRoot().getChildren().forEach(child -> recordParents(child, "", requiredBy));
        List<ResolvedArtifact> resolved = new ArrayList<>();
        for (ArtifactResult artifactResult : result.getArtifactResults()) {
            Artifact a = artifactResult.getArtifact();
            resolved.add(new ResolvedArtifact(
                    a.getGroupId(),
                    a.getArtifactId(),
                    a.getClassifier(),
                    a.getVersion(),
                    a.getFile().toPath().toAbsolutePath(),
                    requiredBy.getOrDefault(withoutFile(a), "")));
        }
        return resolved;
    }

    private static void recordParents(DependencyNode node, String parent, Map<Artifact, String> requiredBy) {
        Artifact artifact = withoutFile(node.getArtifact());
        if (requiredBy.putIfAbsent(artifact, parent) == null) {
            String self = coordinates(artifact);
            node.getChildren().forEach(child -> recordParents(child, self, requiredBy));
        }
    }

    /** As the user would type them: {@code g:a:v}, or {@code g:a:packaging:classifier:v} when there is a classifier. */
    private static String coordinates(Artifact a) {
        return a.getClassifier().isEmpty()
                ? a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()
                : String.join(
                        ":", a.getGroupId(), a.getArtifactId(), a.getExtension(), a.getClassifier(), a.getVersion());
    }

    private static Artifact withoutFile(Artifact artifact) {
        return new DefaultArtifact(
                artifact.getGroupId(),
                artifact.getArtifactId(),
                artifact.getClassifier(),
                artifact.getExtension(),
                artifact.getVersion());
    }

    /** One line per artifact that failed, each naming it and saying where it was looked for and why it failed. */
    private static ResolutionFailure failure(List<Dependency> asked, DependencyResolutionException e) {
        Set<String> reasons = new LinkedHashSet<>();
        DependencyResult result = e.getResult();
        if (result != null) {
            result.getCollectExceptions().forEach(x -> reasons.add(deepest(x)));
            result.getArtifactResults().stream()
                    .filter(r -> !r.isResolved())
                    .flatMap(r -> r.getExceptions().stream())
                    .forEach(x -> reasons.add(x.getMessage()));
        }
        if (reasons.isEmpty()) {
            reasons.add(deepest(e));
        }
        String what = String.join(
                ", ", asked.stream().map(d -> coordinates(d.getArtifact())).toList());
        return new ResolutionFailure("cannot resolve " + what + ":\n  " + String.join("\n  ", reasons));
    }

    /** The message of the innermost cause that still names an artifact or repository (the outer ones repeat it). */
    private static String deepest(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null
                && t.getCause() != t
                && t.getCause().getClass().getName().contains("aether")) {
            t = t.getCause();
        }
        Throwable cause = t.getCause();
        String message = t.getMessage();
        return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())
                ? message + ": " + cause.getMessage()
                : message;
    }

    /**
     * Builds the resolver now (loading its classes takes seconds on a busy machine); touches no network. For a
     * background thread at kernel start, so that the first %maven cell only resolves.
     */
    public synchronized void prepare() {
        system();
    }

    private RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
            session = newSession(system);
        }
        return system;
    }

    private DefaultRepositorySystemSession newSession(RepositorySystem system) {
        DefaultRepositorySystemSession s = MavenRepositorySystemUtils.newSession();
        LocalRepositoryManager local = system.newLocalRepositoryManager(
                s, new LocalRepository(settings.localRepository().toFile()));
        if (!settings.localRepositoryTail().isEmpty()) {
            List<LocalRepositoryManager> tail = settings.localRepositoryTail().stream()
                    .map(folder -> system.newLocalRepositoryManager(s, new LocalRepository(folder.toFile())))
                    .toList();
            local = new ChainedLocalRepositoryManager(local, tail, true); // Maven's default: any origin will do
        }
        s.setLocalRepositoryManager(local);
        s.setOffline(settings.offline());
        s.setSystemProperties(System.getProperties()); // POM profiles activated by JDK or OS, as in Maven
        s.setDependencyGraphTransformer(
                new ChainedDependencyGraphTransformer( // Maven's, but highest version wins
                        new ConflictResolver(
                                new HighestVersionSelector(),
                                new JavaScopeSelector(),
                                new SimpleOptionalitySelector(),
                                new JavaScopeDeriver()),
                        new JavaDependencyContextRefiner()));
        s.setConfigProperty("aether.connector.connectTimeout", CONNECT_TIMEOUT_MS);
        s.setConfigProperty("aether.connector.requestTimeout", REQUEST_TIMEOUT_MS);
        s.setMirrorSelector(mirrors());
        s.setProxySelector(proxies());
        s.setAuthenticationSelector(credentials());
        s.setTransferListener(new DownloadReport());
        return s;
    }

    private DefaultMirrorSelector mirrors() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror m : settings.mirrors()) {
            selector.add(
                    m.getId(),
                    m.getUrl(),
                    m.getLayout(),
                    false,
                    m.isBlocked(),
                    m.getMirrorOf(),
                    m.getMirrorOfLayouts());
        }
        return selector;
    }

    private DefaultProxySelector proxies() {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy p : settings.proxies()) {
            AuthenticationBuilder auth =
                    new AuthenticationBuilder().addUsername(p.getUsername()).addPassword(p.getPassword());
            selector.add(
                    new org.eclipse.aether.repository.Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth.build()),
                    p.getNonProxyHosts());
        }
        return selector;
    }

    private DefaultAuthenticationSelector credentials() {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server server : settings.servers()) {
            selector.add(
                    server.getId(),
                    new AuthenticationBuilder()
                            .addUsername(server.getUsername())
                            .addPassword(server.getPassword())
                            .build());
        }
        return selector;
    }

    /** A download can take minutes (DJL's natives are 100+ MB): say what is coming, on the cell's stderr. */
    private static final class DownloadReport extends AbstractTransferListener {
        @Override
        public void transferSucceeded(TransferEvent event) {
            String name = event.getResource().getResourceName();
            if (event.getRequestType() == TransferEvent.RequestType.GET && name.endsWith(".jar")) {
                System.err.printf(
                        "downloaded %s (%.1f MB) from %s%n",
                        name.substring(name.lastIndexOf('/') + 1),
                        event.getTransferredBytes() / 1e6,
                        event.getResource().getRepositoryUrl());
            }
        }
    }
}
