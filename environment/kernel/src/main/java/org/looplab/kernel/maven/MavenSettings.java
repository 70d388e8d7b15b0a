package org.looplab.kernel.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * What %maven takes from the user's Maven set-up, so that the kernel finds what {@code mvn} already downloaded:
 * the local repository, offline mode, mirrors, proxies and server credentials of {@code settings.xml}. As in Maven,
 * the user's {@code ~/.m2/settings.xml} wins over the installation's {@code $MAVEN_HOME/conf/settings.xml}, and the
 * system property {@code maven.repo.local} wins over both. Maven 3.9's {@code maven.repo.local.tail} (comma-separated
 * folders) adds read-only local repositories searched after it.
 *
 * @param localRepository where artifacts are cached; the default is {@code ~/.m2/repository}
 * @param localRepositoryTail read-only local repositories searched after it
 * @param offline         never touch the network (settings.xml {@code <offline>true</offline>})
 */
public record MavenSettings(
        Path localRepository,
        List<Path> localRepositoryTail,
        boolean offline,
        List<Mirror> mirrors,
        List<Proxy> proxies,
        List<Server> servers) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(env\\.)?([^}]+)}");

    public MavenSettings {
        localRepositoryTail = List.copyOf(localRepositoryTail);
        mirrors = List.copyOf(mirrors);
        proxies = List.copyOf(proxies);
        servers = List.copyOf(servers);
    }

    /** Plain defaults: the given local repository, online, no mirrors, proxies or credentials. */
    public static MavenSettings of(Path localRepository) {
        return new MavenSettings(localRepository, List.of(), false, List.of(), List.of(), List.of());
    }

    /** The settings Maven itself would use on this machine. */
    public static MavenSettings load(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> files = new ArrayList<>();
        files.add(home.resolve(".m2/settings.xml")); // first: the user's wins
        String mavenHome = env.getOrDefault("MAVEN_HOME", env.get("M2_HOME"));
        if (mavenHome != null) {
            files.add(Path.of(mavenHome, "conf/settings.xml"));
        }
        Path localRepository = home.resolve(".m2/repository");
        String localFromSettings = null;
        Boolean offline = null;
        List<Mirror> mirrors = new ArrayList<>();
        List<Proxy> proxies = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Settings settings = read(file);
            if (localFromSettings == null && settings.getLocalRepository() != null) {
                localFromSettings = interpolate(settings.getLocalRepository().trim(), env);
            }
            if (offline == null && settings.isOffline()) {
                offline = true;
            }
            mirrors.addAll(settings.getMirrors());
            proxies.addAll(
                    settings.getProxies().stream().filter(Proxy::isActive).toList());
            servers.addAll(settings.getServers());
        }
        if (localFromSettings != null) {
            localRepository = Path.of(localFromSettings);
        }
        String localProperty = System.getProperty("maven.repo.local");
        if (localProperty != null && !localProperty.isBlank()) {
            localRepository = Path.of(localProperty);
        }
        List<Path> tail = new ArrayList<>();
        for (String folder : System.getProperty("maven.repo.local.tail", "").split(",")) {
            if (!folder.isBlank()) {
                tail.add(Path.of(folder.trim()).toAbsolutePath());
            }
        }
        return new MavenSettings(
                localRepository.toAbsolutePath(), tail, offline != null && offline, mirrors, proxies, servers);
    }

    private static Settings read(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return new SettingsXpp3Reader().read(in, false);
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalArgumentException("cannot read Maven settings " + file + ": " + e.getMessage(), e);
        }
    }

    /** Maven's two common placeholders in settings.xml: {@code ${user.home}} and {@code ${env.NAME}}. */
    static String interpolate(String value, Map<String, String> env) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null ? env.get(m.group(2)) : System.getProperty(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
