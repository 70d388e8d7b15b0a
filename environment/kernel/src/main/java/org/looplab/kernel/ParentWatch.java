package org.looplab.kernel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Ends the kernel when the process that started it is gone. Jupyter passes its own pid as {@code JPY_PARENT_PID}
 * (ipykernel watches it the same way); without this a kernel whose notebook server or nbclient was killed keeps
 * running, and holding memory, as an orphan. The parent's start time is remembered so a recycled pid does not count
 * as the parent still being alive.
 */
final class ParentWatch {
    static final String ENV = "JPY_PARENT_PID";
    private static final long POLL_MS = 1000;

    private final long pid;
    private final Optional<Instant> started;

    private ParentWatch(ProcessHandle parent) {
        this.pid = parent.pid();
        this.started = parent.info().startInstant();
    }

    /** A watch on the pid in {@code JPY_PARENT_PID}; empty when it is unset, not a pid, or not a running process. */
    static Optional<ParentWatch> fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        if (value == null || value.isBlank()) return Optional.empty();
        long pid;
        try {
            pid = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            System.err.println(
                    "looplab kernel: " + ENV + "=" + value + " is not a process id; not watching the parent");
            return Optional.empty();
        }
        if (pid <= 1) return Optional.empty(); // 0/1: no parent to outlive (init, containers)
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ParentWatch::new);
    }

    long pid() {
        return pid;
    }

    /** True while the parent process (the same one, not a successor with its pid) runs. */
    boolean parentAlive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> started.isEmpty() || p.info().startInstant().equals(started))
                .isPresent();
    }

    /**
     * Checks every second on a daemon thread and runs {@code onDeath} once when the parent is gone. A plain loop that
     * survives any Throwable: an executor's thread can die of an OutOfMemoryError in its own bookkeeping while a cell
     * fills the heap, and the watch would silently end.
     */
    void start(Runnable onDeath) {
        Thread watch = new Thread(
                () -> {
                    while (true) {
                        try {
                            Thread.sleep(POLL_MS);
                            if (!parentAlive()) {
                                onDeath.run();
                                return;
                            }
                        } catch (Throwable t) {
                            // an OutOfMemoryError while a cell fills the heap, or an interrupt: keep watching
                        }
                    }
                },
                "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
