package org.looplab.kernel.maven;

import java.nio.file.Path;

/**
 * One jar that a resolution put on the classpath list.
 *
 * @param requiredBy the coordinates of the dependency that pulled it in, or "" for one the notebook asked for
 */
public record ResolvedArtifact(
        String groupId, String artifactId, String classifier, String version, Path file, String requiredBy) {

    /** {@code group:artifact} plus {@code :classifier} if it has one: what must not be on a classpath twice. */
    public String key() {
        return groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    /** {@code group:artifact:version}, or {@code group:artifact:jar:classifier:version}, as %maven takes them. */
    public String coordinates() {
        return classifier.isEmpty()
                ? groupId + ":" + artifactId + ":" + version
                : groupId + ":" + artifactId + ":jar:" + classifier + ":" + version;
    }
}
