package org.looplab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * One in-process kernel for all test classes: jjava allows one started kernel per JVM, and each JShell costs a
 * second or two to warm up. Its working directory is a fresh temp folder, standing in for the notebook's folder.
 * Test classes share it, so each uses variable names of its own.
 */
final class TestKernel extends LoopLabKernel {

    private static TestKernel shared;

    private final Path workingDirectory;
    private final List<DisplayData> displayed = new CopyOnWriteArrayList<>();

    private TestKernel(Path workingDirectory) {
        super(KernelSettings.defaults(workingDirectory));
        this.workingDirectory = workingDirectory;
    }

    static synchronized TestKernel shared() {
        if (shared == null) {
            try {
                shared = new TestKernel(Files.createTempDirectory("looplab-kernel-test"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared.onStartup();
        }
        return shared;
    }

    /** Stands in for publishing display_data to Jupyter. */
    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }

    List<DisplayData> displayed() {
        return displayed;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** The error output as a user reads it: the lines jjava publishes, without colours. */
    String formattedError(Throwable failure) {
        return String.join("\n", formatError(failure)).replaceAll("\u001B\\[[;\\d]*m", "");
    }
}
