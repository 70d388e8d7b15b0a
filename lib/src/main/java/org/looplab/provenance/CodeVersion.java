package org.looplab.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which code made a result: the lib version and the git commit the build saw (written by Maven into
 * {@code build-info.properties}). Unknown values read {@code "unknown"}, never absent.
 */
public record CodeVersion(String commit, String dirty, String lib) {

    private static final CodeVersion CURRENT = load();

    public static CodeVersion current() {
        return CURRENT;
    }

    /** DJL version the lib was built against. */
    public static String djlVersion() {
        return buildInfo().getProperty("djl", "unknown");
    }

    /** PyTorch (libtorch) version of the bundled natives. */
    public static String pytorchVersion() {
        return buildInfo().getProperty("pytorch", "unknown");
    }

    private static CodeVersion load() {
        Properties p = buildInfo();
        return new CodeVersion(known(p.getProperty("commit")), known(p.getProperty("dirty")), known(p.getProperty("version")));
    }

    private static String known(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
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
}
