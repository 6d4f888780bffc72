package dev.wavecraft.protocol.options;

/**
 * The engine's stream format: always stereo float at {@link #SAMPLE_RATE}, in blocks of
 * {@code blockSize} frames. One block period is the deadline for producing a block.
 */
public record AudioSettings(int sampleRate, int blockSize) {

    public static final int CHANNELS = 2;
    public static final int SAMPLE_RATE = 48_000;
    public static final int DEFAULT_BLOCK_SIZE = 512;
    public static final int MIN_BLOCK_SIZE = 16;
    public static final int MAX_BLOCK_SIZE = 8192;

    public AudioSettings {
        if (sampleRate < 8_000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("The sample rate must lie within [8000, 384000] Hz, not " + sampleRate);
        }
        if (blockSize < MIN_BLOCK_SIZE || blockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("The block size must lie within [" + MIN_BLOCK_SIZE + ", "
                    + MAX_BLOCK_SIZE + "] frames, not " + blockSize);
        }
    }

    public static AudioSettings ofBlockSize(int blockSize) {
        return new AudioSettings(SAMPLE_RATE, blockSize);
    }

    public long blockNanos() {
        return blockSize * 1_000_000_000L / sampleRate;
    }

    public double blockMillis() {
        return blockSize * 1000.0 / sampleRate;
    }

    /** The number of frames closest to {@code millis} milliseconds, at least one. */
    public int frames(double millis) {
        return Math.max(1, (int) Math.round(millis * sampleRate / 1000.0));
    }
}
