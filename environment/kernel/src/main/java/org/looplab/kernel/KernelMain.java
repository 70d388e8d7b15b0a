package org.looplab.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** {@code java -jar looplab-kernel.jar <connection-file>}, as Jupyter launches it from kernel.json. */
public final class KernelMain {

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar looplab-kernel.jar <connection-file>");
            System.exit(2);
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        // Jupyter starts the kernel in the notebook's folder, so relative %classpath and %load paths start there.
        KernelSettings settings =
                KernelSettings.fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());

        // An orphaned kernel (its Jupyter client killed) would otherwise run on, holding its memory, forever.
        ParentWatch.fromEnvironment(System.getenv())
                .ifPresent(watch -> watch.start(() -> {
                    System.err.println("looplab kernel: parent process " + watch.pid() + " is gone; exiting");
                    System.exit(0);
                }));
        LoopLabKernel kernel = new LoopLabKernel(settings);
        JupyterConnection connection = new GuardedConnection(properties);
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0); // a notebook may have started non-daemon threads of its own
    }
}
