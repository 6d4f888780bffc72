package dev.wavecraft.devserver.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap this JVM still uses after a full collection: what a leak would make grow. */
final class HeapGauge {

    private static final int COLLECTIONS = 3;

    private HeapGauge() {
    }

    /** The least used heap seen over a few explicit collections, in bytes (the least is the least noisy). */
    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            memory.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
