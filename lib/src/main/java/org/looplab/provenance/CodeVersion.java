package org.looplab.provenance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which code made a result: the lib version, the git commit the build saw and whether tracked files differed from it
 * (written by Maven into {@code build-info.properties}), and a hash of the sources that decide a trained result.
 * Unknown strings read {@code "unknown"}, never absent.
 *
 * @param commit  git commit of the build, 10 hex digits
 * @param dirty   true when tracked files differed from {@code commit}, or when that is not known: only a build that
 *                saw a clean work tree can claim to be that commit
 * @param lib     the lib's version
 * @param sources SHA-256 over the source files of the packages that decide what a training run produces and measures
 *                ({@code data, model, train, analysis, sweep, provenance} and {@code Profile}; lib/pom.xml computes
 *                it); {@code "unknown"} in files written before it was recorded. Two results with different values
 *                were made by different training code, whatever their commits say.
 */
@OlderForms(CodeVersion.Upgrade.class)
public record CodeVersion(String commit, boolean dirty, String lib, String sources) {

    public static final String UNKNOWN = "unknown";

    private static final CodeVersion CURRENT = load();

    public static CodeVersion current() {
        return CURRENT;
    }

    /** True when both were built from the same training sources, known to both. */
    public boolean sameSources(CodeVersion other) {
        return !UNKNOWN.equals(sources) && sources.equals(other.sources);
    }

    /** DJL version the lib was built against. */
    public static String djlVersion() {
        return buildInfo().getProperty("djl", UNKNOWN);
    }

    /** PyTorch (libtorch) version of the bundled natives. */
    public static String pytorchVersion() {
        return buildInfo().getProperty("pytorch", UNKNOWN);
    }

    private static CodeVersion load() {
        Properties p = buildInfo();
        return new CodeVersion(
                known(p.getProperty("commit")),
                !"false".equals(p.getProperty("dirty")),
                known(p.getProperty("version")),
                known(p.getProperty("sources")));
    }

    private static String known(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? UNKNOWN : v;
    }

    private static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream("build-info.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // Only provenance is lost; "unknown" says so in every manifest.
        }
        return p;
    }

    /**
     * Before 0.2 {@code dirty} was the string {@code "true"}, {@code "false"} or {@code "unknown"} (read as dirty: not
     * known to be clean), and {@code sources} was not recorded.
     */
    public static final class Upgrade implements OlderForms.Upgrade {
        @Override
        public ObjectNode apply(ObjectNode stored) {
            if (stored.path("dirty").isTextual())
                stored.put("dirty", !"false".equals(stored.get("dirty").asText()));
            if (!stored.has("sources")) stored.put("sources", UNKNOWN);
            return stored;
        }
    }
}
