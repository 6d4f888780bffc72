package dev.wavecraft.devserver.audio;

/**
 * The counters at one moment.
 *
 * @param deadlineMisses blocks finished later than one block period after they were due to start
 * @param droppedBlocks whole block periods lost because the engine fell that far behind
 * @param swapDeadlineMisses deadline misses of blocks in which a processor swap or crossfade ran
 * @param maxSwapBlockMs the longest time a block with a swap or crossfade took to produce
 */
public record AudioCounts(long blocks, long deadlineMisses, long droppedBlocks, double maxLatenessMs,
        long swapDeadlineMisses, double maxSwapBlockMs, long swaps, long crossfades, long processFailures,
        long processNanos, long rollbacks) {
}
