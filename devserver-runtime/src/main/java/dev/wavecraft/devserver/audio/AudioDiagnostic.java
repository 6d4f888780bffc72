package dev.wavecraft.devserver.audio;

/** Why the audio is not running as it should, with a code of PROTOCOL.md and what to do. */
public record AudioDiagnostic(String code, String message, String hint) {

    public static final String NO_OUTPUT_DEVICE = "noOutputDevice";
    public static final String STREAM_START_FAILED = "streamStartFailed";
    public static final String UNKNOWN = "unknown";
}
