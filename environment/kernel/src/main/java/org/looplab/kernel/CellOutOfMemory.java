package org.looplab.kernel;

/**
 * A cell ran out of memory. The kernel lives on with every variable it had: only the failing cell's own work is lost.
 * Its message says how big the heap is and, when variables still hold most of it after the cell ended, that setting
 * them to null (or a restart) frees it, since every later cell would otherwise fail the same way.
 */
public final class CellOutOfMemory extends CellFailure {

    private static final long MB = 1 << 20;

    private CellOutOfMemory(String message, OutOfMemoryError cause) {
        super(message, cause);
    }

    /**
     * @param heapMax    the heap's limit in bytes (-Xmx)
     * @param heapInUse  what is still in use once the cell's own garbage is collected, in bytes
     */
    static CellOutOfMemory of(OutOfMemoryError error, long heapMax, long heapInUse) {
        String kind = error.getMessage() == null ? "" : " (" + error.getMessage() + ")";
        String message = "OutOfMemoryError" + kind + ": the cell used more than the kernel's heap (" + heapMax / MB
                + " MB); the cell was stopped and the kernel's state is kept.";
        if (heapInUse > heapMax / 2) {
            message += " The notebook's variables still hold " + heapInUse / MB + " MB of it: set the large ones to"
                    + " null (e.g. big = null;) to free it, or restart the kernel.";
        }
        message += " A larger heap: start Jupyter with JAVA_TOOL_OPTIONS=-Xmx<size>, e.g. -Xmx8g.";
        return new CellOutOfMemory(message, error);
    }
}
