package dev.wavecraft.devserver.audio;

/**
 * When each block is due, and how late it was. Block n starts at {@code start + n·period} and must
 * be done one period later; finishing after that is a deadline miss. Falling a whole period or
 * more behind loses those periods (dropped blocks) and the schedule moves on from now instead of
 * rushing to catch up. Audio thread only.
 */
final class BlockSchedule {

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

    /** Records a block that finished at {@code finished}; returns when the next one is due to start. */
    long finished(long finished, boolean swapBlock) {
        long deadline = blockStart + period;
        long lateness = finished - deadline;
        blockStart = deadline;
        if (swapBlock) {
            counters.swapBlockTook(finished - (deadline - period));
        }
        if (lateness > 0) {
            counters.late(lateness, swapBlock);
            if (lateness >= period) {
                long lost = lateness / period;
                counters.dropped(lost);
                blockStart += lost * period;
            }
        }
        return blockStart;
    }
}
