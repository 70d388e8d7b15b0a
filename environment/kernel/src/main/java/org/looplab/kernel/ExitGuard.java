package org.looplab.kernel;

/**
 * Refuses {@code System.exit} and {@code Runtime.halt} from notebook code: a cell that calls them would otherwise end
 * the kernel without a reply (IJava does exactly that). The cell gets a {@link SecurityException} saying why, and the
 * kernel lives on. The kernel's own exit (shutdown, a dead parent) is not on a cell thread and passes.
 * <p>
 * Cells run in the thread group {@link #CELLS}, and threads a cell starts join it by default, so "on a cell thread"
 * is a group check. This needs a SecurityManager, the only exit hook the JDK has: deprecated but working on JDK 17
 * (it prints one warning on the kernel's stderr, which goes to Jupyter's log, not the notebook); JDK 18–23 need
 * {@code -Djava.security.manager=allow}, which the kernelspec passes; where none can be installed the kernel says so
 * once on stderr and exit is not refused. A cell may not replace or remove the guard ({@code setSecurityManager});
 * every other permission is granted, so nothing else changes.
 */
@SuppressWarnings({"removal", "deprecation"})
final class ExitGuard extends SecurityManager {

    /** The thread group of every snippet worker thread, and by inheritance of threads that cells start. */
    static final ThreadGroup CELLS = new ThreadGroup("notebook-cells");

    private static boolean installed;

    private ExitGuard() {}

    /** Installs the guard once per JVM; true if exit from cells is refused. */
    static synchronized boolean install() {
        if (installed) return true;
        SecurityManager current = System.getSecurityManager();
        if (current instanceof ExitGuard) return installed = true;
        if (current != null) {
            System.err.println(
                    "looplab kernel: a SecurityManager is already installed; System.exit in a cell is not refused");
            return false;
        }
        try {
            System.setSecurityManager(new ExitGuard());
            return installed = true;
        } catch (UnsupportedOperationException | SecurityException e) {
            System.err.println("looplab kernel: this JVM cannot install a SecurityManager (" + e.getMessage()
                    + "), so System.exit in a cell is not refused; start it with -Djava.security.manager=allow");
            return false;
        }
    }

    static boolean onCellThread() {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (g == CELLS) return true;
        }
        return false;
    }

    @Override
    public void checkExit(int status) {
        if (onCellThread()) {
            throw new SecurityException("System.exit(" + status + ") refused: it would end the kernel and lose every "
                    + "variable. To stop a cell, throw an exception; to start over, use Kernel > Restart.");
        }
    }

    /** Refuses replacing or removing this guard from a cell ({@code System.setSecurityManager(null)}), then exit. */
    @Override
    public void checkPermission(java.security.Permission perm) {
        if (perm instanceof RuntimePermission && perm.getName().equals("setSecurityManager") && onCellThread()) {
            throw new SecurityException("System.setSecurityManager refused: it would remove the guard that keeps a"
                    + " cell's System.exit from ending the kernel and losing every variable.");
        }
        // everything else is allowed, as without a SecurityManager
    }

    @Override
    public void checkPermission(java.security.Permission perm, Object context) {
        // everything else is allowed, as without a SecurityManager
    }
}
