package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long processing took for each of the latest blocks (about {@link #WINDOW_MS}, at most
 * {@link #MAX_BLOCKS}), in a preallocated ring the audio thread writes one element of per block:
 * no locks, no allocation. Readers sort a copy into a {@link CpuLoad}; a block overwritten while
 * they copy gives them a newer figure of the same window, which is as good.
 */
final class ProcessTimes {

    static final long WINDOW_MS = 3000;
    static final int MAX_BLOCKS = 4096;

    private final AtomicLongArray nanos;
    private final long periodNanos;
    private final double blockMillis;
    private volatile long recorded;

    ProcessTimes(AudioSettings settings) {
        int blocks = (int) Math.ceil(WINDOW_MS / settings.blockMillis());
        this.nanos = new AtomicLongArray(Math.max(1, Math.min(MAX_BLOCKS, blocks)));
        this.periodNanos = settings.blockNanos();
        this.blockMillis = settings.blockMillis();
    }

    /** Audio thread: one block took {@code processNanos} of processing. */
    void record(long processNanos) {
        long count = recorded;
        nanos.set((int) (count % nanos.length()), processNanos);
        recorded = count + 1;
    }

    /** Audio thread: forgets the blocks recorded so far (another generation is timed from now on). */
    void restart() {
        recorded = 0;
    }

    /** Any thread: percentiles of the window so far, or {@link CpuLoad#NONE} before the first block. */
    CpuLoad load() {
        long count = recorded;
        int n = (int) Math.min(count, nanos.length());
        if (n == 0) {
            return CpuLoad.NONE;
        }
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = nanos.get((int) ((count - 1 - i) % nanos.length()));
        }
        Arrays.sort(sorted);
        return new CpuLoad(share(sorted, 0.50), share(sorted, 0.99), sorted[n - 1] / (double) periodNanos, n,
                Math.round(n * blockMillis));
    }

    /** The nearest-rank percentile as a share of the block period. */
    private double share(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / (double) periodNanos;
    }
}
