package org.looplab.sweep.slurm;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a batch script starts LoopLab: the submitting JVM's own java binary and class path (made absolute), so every
 * task runs the code that planned the cells. On a cluster both must lie on the shared file system.
 *
 * @param java      the java binary
 * @param classPath absolute class path
 * @param mainClass the command-line entry point
 */
public record JavaLaunch(String java, String classPath, String mainClass) {

    /** This JVM's binary and class path. */
    public static JavaLaunch current(String mainClass) {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return new JavaLaunch(java, cp, mainClass);
    }
}
