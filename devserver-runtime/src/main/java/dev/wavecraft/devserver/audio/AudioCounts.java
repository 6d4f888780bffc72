package dev.wavecraft.devserver.audio;

/**
 * The counters at one moment.
 *
 * @param deadlineMisses blocks finished later than one block period after they were due to start
 * @param droppedBlocks block periods the output went without because the engine fell further behind
 *     than the output's buffer of four blocks covers
 * @param swapDeadlineMisses deadline misses caused by a swap: late blocks whose processor swap or
 *     crossfade alone took longer than a period of CPU time (not those late because the machine was busy)
 * @param maxSwapCpuMs the most CPU time the processors and the crossfade of one swap block took
 */
public record AudioCounts(long blocks, long deadlineMisses, long droppedBlocks, double maxLatenessMs,
        long swapDeadlineMisses, double maxSwapCpuMs, long swaps, long crossfades, long processFailures,
        long processNanos, long rollbacks) {
}
