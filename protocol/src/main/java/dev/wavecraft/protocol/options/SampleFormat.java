package dev.wavecraft.protocol.options;

import java.util.Locale;

/** The sample encodings read and written: 16- and 24-bit integer PCM and 32-bit IEEE float. */
public enum SampleFormat {
    PCM16("pcm16", 2, false),
    PCM24("pcm24", 3, false),
    FLOAT32("float32", 4, true);

    private final String name;
    private final int bytes;
    private final boolean floatingPoint;

    SampleFormat(String name, int bytes, boolean floatingPoint) {
        this.name = name;
        this.bytes = bytes;
        this.floatingPoint = floatingPoint;
    }

    public int bytesPerSample() {
        return bytes;
    }

    public int bitsPerSample() {
        return bytes * 8;
    }

    /** IEEE float samples rather than integer PCM. */
    public boolean floatingPoint() {
        return floatingPoint;
    }

    /** The name used on the command line ({@code pcm16}, {@code pcm24}, {@code float32}). */
    public String displayName() {
        return name;
    }

    /**
     * Accepts {@code pcm16}, {@code pcm24}, {@code float32} and the short forms {@code 16},
     * {@code 24}, {@code 32f}, ignoring case.
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static SampleFormat named(String text) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "pcm16":
            case "16":
                return PCM16;
            case "pcm24":
            case "24":
                return PCM24;
            case "float32":
            case "float":
            case "32f":
                return FLOAT32;
            default:
                throw new IllegalArgumentException("Unknown sample format '" + text
                        + "'; use pcm16, pcm24 or float32");
        }
    }
}
