package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.AudioSettings;

/**
 * How the engine gets its output, called once on the audio thread when it starts. Injected, so
 * tests (and machines without a sound card) can choose the silent sink or simulate a missing device.
 */
@FunctionalInterface
public interface OutputOpener {

    AudioSink open(AudioSettings settings) throws OutputUnavailableException;

    /** The device when the options ask for one, else silence. */
    static OutputOpener of(AudioOptions options) {
        return options.outputDevice() ? defaultDevice() : silent();
    }

    /** The default device through {@code javax.sound.sampled}. */
    static OutputOpener defaultDevice() {
        return DeviceSink::open;
    }

    /** Silence on purpose: not reported as a problem. */
    static OutputOpener silent() {
        return settings -> new SilentSink();
    }

    /** A device that never opens, with this reason: the engine falls back to silence and says so. */
    static OutputOpener unavailable(String reason) {
        return settings -> {
            throw new OutputUnavailableException(reason, null);
        };
    }
}
