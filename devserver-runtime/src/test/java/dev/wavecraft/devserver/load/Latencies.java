package dev.wavecraft.devserver.load;

import java.util.Arrays;
import java.util.Locale;

/** Round-trip times of many requests, recorded from any thread, summarised as percentiles. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                count == 0 ? 0 : sorted[count - 1]);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    record Summary(int count, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%d requests)",
                    millis(p50Nanos), millis(p95Nanos), millis(p99Nanos), millis(maxNanos), count);
        }

        private static double millis(long nanos) {
            return nanos / 1e6;
        }
    }
}
