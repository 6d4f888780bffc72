package dev.wavecraft.devserver.audio;

/**
 * When each block is due, and how late it was. Block n starts at {@code start + n·period} and must
 * be done one period later; finishing after that is a deadline miss. The output holds
 * {@link #OUTPUT_BUFFER_BLOCKS} blocks, as the device line does: falling behind by less than that is
 * caught up by producing the next blocks at once, but a block so late that the output ran dry loses
 * those periods (dropped blocks), and the schedule moves on from now instead of rushing to catch
 * up. Audio thread only.
 */
final class BlockSchedule {

    /** Blocks the output buffers: the device line is opened with as many, and the silent sink stands in for it. */
    static final int OUTPUT_BUFFER_BLOCKS = 4;

    private final long period;
    private final AudioCounters counters;
    private long blockStart;

    BlockSchedule(long periodNanos, AudioCounters counters) {
        this.period = periodNanos;
        this.counters = counters;
    }

    /** Anchors the schedule: the next block is due to start at {@code now}. */
    void restartAt(long now) {
        blockStart = now;
    }

    /**
     * Records a block finished at {@code finished}; returns when the next one is due to start. A
     * late swap block counts against the swap only when the swap's work (both processors and the
     * crossfade, in CPU time) took longer than a period by itself: a block that was late because it
     * started late or was preempted on a busy machine was not slowed by the swap.
     */
    long finished(long finished, boolean swapBlock, long swapCpuNanos) {
        long deadline = blockStart + period;
        long lateness = finished - deadline;
        blockStart = deadline;
        if (swapBlock) {
            counters.swapTook(swapCpuNanos);
        }
        if (lateness > 0) {
            counters.late(lateness, swapBlock && swapCpuNanos > period);
            long dry = lateness - (OUTPUT_BUFFER_BLOCKS - 1) * period;
            if (dry > 0) {
                counters.dropped((dry + period - 1) / period);
                blockStart += lateness / period * period;
            }
        }
        return blockStart;
    }
}
