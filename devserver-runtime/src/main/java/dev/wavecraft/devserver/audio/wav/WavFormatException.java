package dev.wavecraft.devserver.audio.wav;

import java.io.IOException;

/** A file that is not a WAV file this reader supports; the message says what it found. */
public final class WavFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    WavFormatException(String message) {
        super(message);
    }
}
