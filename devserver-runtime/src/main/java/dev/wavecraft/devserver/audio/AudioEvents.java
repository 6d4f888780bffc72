package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.InputSpec;

/** What the engine tells the outside (the browsers), always from a thread other than the audio thread. */
public interface AudioEvents {

    AudioEvents NONE = new AudioEvents() {
    };

    /** The phase or the diagnostic changed. */
    default void statusChanged(AudioStatus status) {
    }

    /** A new meter frame, at most at the configured push rate. */
    default void meterFrame(MeterFrame frame) {
    }

    /** The input changed; {@code origin} (the client that changed it, or null) gets no echo. */
    default void inputSourceChanged(InputSpec input, Object origin) {
    }

    /** These events' handlers, each followed by {@code next}'s (e.g. the browsers, then the session). */
    default AudioEvents andThen(AudioEvents next) {
        AudioEvents first = this;
        return new AudioEvents() {
            @Override
            public void statusChanged(AudioStatus status) {
                first.statusChanged(status);
                next.statusChanged(status);
            }

            @Override
            public void meterFrame(MeterFrame frame) {
                first.meterFrame(frame);
                next.meterFrame(frame);
            }

            @Override
            public void inputSourceChanged(InputSpec input, Object origin) {
                first.inputSourceChanged(input, origin);
                next.inputSourceChanged(input, origin);
            }
        };
    }
}
