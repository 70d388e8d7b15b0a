package org.looplab.kernel;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Stops a cell that is about to fill the heap, while the kernel still has room to answer.
 * <p>
 * A cell that allocates until OutOfMemoryError leaves the heap full for every thread, not only its own: in the seconds
 * of collections before the error, ZeroMQ's IO thread, the heartbeat or the shell thread can be the one whose
 * allocation fails, and a kernel without them answers nothing more. So after every collection this looks at how much
 * of the heap is still in use: above {@link #STOP_FRACTION} after a full collection, the running cell is stopped and
 * fails as if it had run out of memory. After a young collection (which leaves old garbage behind) it first asks for
 * a full one, at most once a second, to tell garbage from what the cell really holds.
 * <p>
 * Once it has stopped a cell the watch rests until a collection finds the heap below the mark again: the stopped
 * cell's data may still be held by a variable, and the next cell (the one that sets it to null) must be able to run.
 */
final class HeapWatch {

    /** A cell is stopped when more than this share of the heap is still in use after a full collection. */
    static final double STOP_FRACTION = 0.90;

    private static final long FULL_GC_GAP_NANOS = 1_000_000_000L;

    private final BooleanSupplier stopCell;
    private final Set<String> heapPools;
    private final long max;
    private volatile long lastFullGcRequest = System.nanoTime() - FULL_GC_GAP_NANOS;
    private volatile boolean armed = true;

    private HeapWatch(BooleanSupplier stopCell) {
        this.stopCell = stopCell;
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        this.max = Runtime.getRuntime().maxMemory();
    }

    /**
     * Starts watching. {@code stopCell} runs on the JVM's notification thread when the heap is nearly full, and says
     * whether there was a cell to stop.
     */
    static void start(BooleanSupplier stopCell) {
        HeapWatch watch = new HeapWatch(stopCell);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> watch.onNotification(n), null, null);
            }
        }
    }

    private void onNotification(Notification notification) {
        try {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
            if (used <= max * STOP_FRACTION) {
                armed = true;
                return;
            }
            if (!armed) {
                return;
            }
            if (info.getGcAction().contains("major")) {
                armed = !stopCell.getAsBoolean();
            } else if (System.nanoTime() - lastFullGcRequest > FULL_GC_GAP_NANOS) {
                lastFullGcRequest = System.nanoTime();
                System.gc(); // its own notification decides
            }
        } catch (Throwable t) {
            // the notification thread must go on; a missed check only means the JVM's own OutOfMemoryError comes
        }
    }

    private long heapUsed(Map<String, MemoryUsage> after) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : after.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }
}
