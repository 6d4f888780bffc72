package dev.wavecraft.devserver.audio;

/**
 * What the audio thread counts. Each field has one writer (the audio thread, or the monitor for
 * {@code rollbacks}), so plain increments of volatile fields are safe and allocate nothing; readers
 * take a {@link AudioCounts}.
 */
final class AudioCounters {

    private volatile long blocks;
    private volatile long deadlineMisses;
    private volatile long droppedBlocks;
    private volatile long maxLatenessNanos;
    private volatile long swapDeadlineMisses;
    private volatile long maxSwapCpuNanos;
    private volatile long swaps;
    private volatile long crossfades;
    private volatile long processFailures;
    private volatile long processNanos;
    private volatile long rollbacks;

    void blockDone(long processNanos) {
        blocks = blocks + 1;
        this.processNanos = this.processNanos + processNanos;
    }

    /** Blocks done so far, which is the number of the block under way. */
    long blocks() {
        return blocks;
    }

    void late(long latenessNanos, boolean swapBlock) {
        deadlineMisses = deadlineMisses + 1;
        if (swapBlock) {
            swapDeadlineMisses = swapDeadlineMisses + 1;
        }
        if (latenessNanos > maxLatenessNanos) {
            maxLatenessNanos = latenessNanos;
        }
    }

    void swapTook(long nanos) {
        if (nanos > maxSwapCpuNanos) {
            maxSwapCpuNanos = nanos;
        }
    }

    void dropped(long count) {
        droppedBlocks = droppedBlocks + count;
    }

    void swapped() {
        swaps = swaps + 1;
    }

    void crossfaded() {
        crossfades = crossfades + 1;
    }

    void processFailed() {
        processFailures = processFailures + 1;
    }

    void rolledBack() {
        rollbacks = rollbacks + 1;
    }

    AudioCounts snapshot() {
        return new AudioCounts(blocks, deadlineMisses, droppedBlocks, maxLatenessNanos / 1e6, swapDeadlineMisses,
                maxSwapCpuNanos / 1e6, swaps, crossfades, processFailures, processNanos, rollbacks);
    }
}
