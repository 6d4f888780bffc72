package dev.wavecraft.protocol.options;

/**
 * The dev server's audio settings as the user gives them.
 *
 * @param blockSize frames per block
 * @param input what feeds the processor at start
 * @param outputDevice whether to play to the default output device (else silently, on purpose)
 * @param meterPushHz how often to push {@code meterFrame} to the browsers, 0 for never (they poll)
 */
public record AudioOptions(int blockSize, InputSpec input, boolean outputDevice, int meterPushHz) {

    public static final int MAX_METER_PUSH_HZ = 30;
    public static final AudioOptions DEFAULTS =
            new AudioOptions(AudioSettings.DEFAULT_BLOCK_SIZE, InputSpec.defaultTone(), true, 0);

    public AudioOptions {
        AudioSettings.ofBlockSize(blockSize);
        if (input == null) {
            throw new IllegalArgumentException("An input is required");
        }
        if (meterPushHz < 0 || meterPushHz > MAX_METER_PUSH_HZ) {
            throw new IllegalArgumentException("The meter push rate must lie within [0, " + MAX_METER_PUSH_HZ
                    + "] per second, not " + meterPushHz);
        }
    }

    public AudioSettings settings() {
        return AudioSettings.ofBlockSize(blockSize);
    }
}
