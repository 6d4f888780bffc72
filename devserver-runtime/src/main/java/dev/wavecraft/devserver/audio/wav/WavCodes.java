package dev.wavecraft.devserver.audio.wav;

import dev.wavecraft.protocol.options.SampleFormat;

/** Numbers of the RIFF/WAVE format that reader and writer share. */
final class WavCodes {

    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    static final int EXTENSIBLE = 0xFFFE;

    static final int RIFF = tag("RIFF");
    static final int WAVE = tag("WAVE");
    static final int FMT = tag("fmt ");
    static final int DATA = tag("data");
    static final int FACT = tag("fact");

    private WavCodes() {
    }

    static int formatTag(SampleFormat format) {
        return format.floatingPoint() ? IEEE_FLOAT : PCM;
    }

    /** The sample format a format tag and bit depth describe, or null when it is none of ours. */
    static SampleFormat sampleFormat(int formatTag, int bits) {
        for (SampleFormat format : SampleFormat.values()) {
            if (formatTag(format) == formatTag && format.bitsPerSample() == bits) {
                return format;
            }
        }
        return null;
    }

    /** A four-character code as the little-endian int it is stored as. */
    static int tag(String code) {
        return code.charAt(0) | code.charAt(1) << 8 | code.charAt(2) << 16 | code.charAt(3) << 24;
    }

    static String name(int tag) {
        StringBuilder name = new StringBuilder(4);
        for (int shift = 0; shift < 32; shift += 8) {
            char c = (char) (tag >>> shift & 0xFF);
            name.append(c >= 32 && c < 127 ? c : '?');
        }
        return name.toString();
    }
}
