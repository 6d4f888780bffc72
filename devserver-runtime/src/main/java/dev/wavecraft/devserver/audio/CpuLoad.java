package dev.wavecraft.devserver.audio;

/**
 * The time processing took per block, as shares of the block period (1.0 is the whole period, the
 * deadline), over the latest {@code blocks} blocks ({@code windowMs} of audio). Measured in wall
 * time around the whole render on the audio thread, so a machine that preempts the thread shows.
 */
public record CpuLoad(double p50, double p99, double max, int blocks, long windowMs) {

    /** Before the first block. */
    public static final CpuLoad NONE = new CpuLoad(0, 0, 0, 0, 0);

    /** Above this share of the period, p99, the dashboard warns: little room is left for a busy moment. */
    public static final double WARNING = 0.7;
}
