package org.looplab.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a kernel is told by its environment. The variable names are IJava's, so settings written for a user's own
 * IJava install carry over unchanged (JJava a6 reads JJAVA_* instead).
 *
 * @param workingDirectory   where relative paths in magics and IJAVA_CLASSPATH resolve; Jupyter starts the kernel in
 *                           the notebook's folder, so this is that folder
 * @param classpathGlobs     IJAVA_CLASSPATH, split on the path separator
 * @param compilerOptions    IJAVA_COMPILER_OPTS, split on whitespace (e.g. -parameters)
 * @param timeout            IJAVA_TIMEOUT
 * @param startupScriptGlobs IJAVA_STARTUP_SCRIPTS_PATH: JShell files run before the first cell
 * @param startupScript      IJAVA_STARTUP_SCRIPT: inline Java run after those files, or "" for none
 * @param outputLimit        LOOPLAB_KERNEL_OUTPUT_MB, or the system property looplab.kernel.outputMb, which wins:
 *                           how much stdout and stderr one cell may send (LoopLab's own; IJava has no limit)
 */
public record KernelSettings(
        Path workingDirectory,
        List<String> classpathGlobs,
        List<String> compilerOptions,
        EvaluationTimeout timeout,
        List<String> startupScriptGlobs,
        String startupScript,
        OutputLimit outputLimit) {

    public static KernelSettings fromEnvironment(Map<String, String> env, Path workingDirectory) {
        return new KernelSettings(
                workingDirectory.toAbsolutePath(),
                splitPaths(env.get("IJAVA_CLASSPATH")),
                splitWords(env.get("IJAVA_COMPILER_OPTS")),
                EvaluationTimeout.parse(env.get("IJAVA_TIMEOUT")),
                splitPaths(env.get("IJAVA_STARTUP_SCRIPTS_PATH")),
                env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""),
                OutputLimit.parse(System.getProperty(OutputLimit.PROPERTY, env.get(OutputLimit.VARIABLE))));
    }

    /** Settings with nothing configured, resolving relative paths against {@code workingDirectory}. */
    public static KernelSettings defaults(Path workingDirectory) {
        return fromEnvironment(Map.of(), workingDirectory);
    }

    private static List<String> splitPaths(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(File.pathSeparator))
                        .filter(s -> !s.isBlank())
                        .toList();
    }

    private static List<String> splitWords(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : List.of(value.trim().split("\\s+"));
    }
}
