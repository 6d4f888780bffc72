package dev.wavecraft.devserver.audio.wav;

import java.io.IOException;

/** A file that is not a WAV file this reader supports; the message says what it found. */
public final class WavFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean wav;

    /** A RIFF/WAVE file that cannot be used as it is (its format, its length). */
    WavFormatException(String message) {
        this(message, true);
    }

    private WavFormatException(String message, boolean wav) {
        super(message);
        this.wav = wav;
    }

    /** A file that is not RIFF/WAVE at all: nothing of it is worth telling a page that named an arbitrary path. */
    static WavFormatException notAWav(String message) {
        return new WavFormatException(message, false);
    }

    /** Whether the file was a RIFF/WAVE file; false when it was something else. */
    public boolean isWav() {
        return wav;
    }
}
