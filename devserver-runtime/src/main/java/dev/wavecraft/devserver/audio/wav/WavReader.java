package dev.wavecraft.devserver.audio.wav;

import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads RIFF/WAVE files of 16- or 24-bit PCM or 32-bit float, mono or stereo (also in the
 * WAVE_FORMAT_EXTENSIBLE wrapping). Anything else is refused with a message that says what the file
 * holds and what is supported.
 */
public final class WavReader {

    /** Larger files are refused rather than read into memory. */
    public static final long MAX_BYTES = 512L << 20;
    /** "RIFF", the length and "WAVE". */
    private static final int HEADER_BYTES = 12;

    private WavReader() {
    }

    public static WavAudio read(Path file) throws IOException {
        return read(file, Double.POSITIVE_INFINITY);
    }

    /**
     * Reads a file of at most {@link #MAX_BYTES} and {@code maxSeconds}: the header is checked
     * before the rest is read, and the length before any sample is decoded.
     */
    public static WavAudio read(Path file, double maxSeconds) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException(file + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(HEADER_BYTES);
            checkHeader(ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN), file.toString());
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new WavFormatException(file + " is " + (size >> 20) + " MiB; WAV files up to "
                        + (MAX_BYTES >> 20) + " MiB are supported");
            }
            byte[] whole = Arrays.copyOf(header, (int) size);
            int read = HEADER_BYTES + in.readNBytes(whole, HEADER_BYTES, whole.length - HEADER_BYTES);
            return parse(ByteBuffer.wrap(whole, 0, read).order(ByteOrder.LITTLE_ENDIAN), file.toString(), maxSeconds);
        }
    }

    static WavAudio parse(ByteBuffer bytes, String name) throws WavFormatException {
        return parse(bytes, name, Double.POSITIVE_INFINITY);
    }

    private static void checkHeader(ByteBuffer bytes, String name) throws WavFormatException {
        if (bytes.remaining() < HEADER_BYTES || bytes.getInt() != WavCodes.RIFF) {
            throw WavFormatException.notAWav(name + " is not a WAV file (no RIFF header)");
        }
        bytes.getInt();
        if (bytes.getInt() != WavCodes.WAVE) {
            throw WavFormatException.notAWav(name + " is a RIFF file but not WAVE audio");
        }
    }

    private static WavAudio parse(ByteBuffer bytes, String name, double maxSeconds) throws WavFormatException {
        checkHeader(bytes, name);
        Format format = null;
        while (bytes.remaining() >= 8) {
            int id = bytes.getInt();
            long length = bytes.getInt() & 0xFFFFFFFFL;
            int start = bytes.position();
            if (id == WavCodes.FMT) {
                format = format(bytes, length, name);
            } else if (id == WavCodes.DATA) {
                if (format == null) {
                    throw new WavFormatException(name + " has its data chunk before the fmt chunk");
                }
                // Streaming writers leave the length at 0 or 0xFFFFFFFF: take what the file holds.
                long available = bytes.remaining();
                long usable = length == 0 || length > available ? available : length;
                return samples(bytes, (int) usable, format, name, maxSeconds);
            }
            long next = start + length + (length & 1);
            if (next > bytes.limit()) {
                break;
            }
            bytes.position((int) next);
        }
        throw new WavFormatException(name + (format == null ? " has no fmt chunk" : " has no data chunk"));
    }

    private static Format format(ByteBuffer bytes, long length, String name) throws WavFormatException {
        if (length < 16 || bytes.remaining() < 16) {
            throw new WavFormatException(name + " has a truncated fmt chunk");
        }
        int tag = bytes.getShort() & 0xFFFF;
        int channels = bytes.getShort() & 0xFFFF;
        int sampleRate = bytes.getInt();
        bytes.getInt();
        bytes.getShort();
        int bits = bytes.getShort() & 0xFFFF;
        if (tag == WavCodes.EXTENSIBLE && length >= 40 && bytes.remaining() >= 24) {
            bytes.position(bytes.position() + 8);
            tag = bytes.getShort() & 0xFFFF;
        }
        SampleFormat sampleFormat = WavCodes.sampleFormat(tag, bits);
        if (sampleFormat == null) {
            throw new WavFormatException(name + " holds " + describe(tag, bits)
                    + "; supported are 16- and 24-bit PCM and 32-bit float");
        }
        if (channels < 1 || channels > 2) {
            throw new WavFormatException(name + " has " + channels + " channels; mono and stereo are supported");
        }
        if (sampleRate < 1000 || sampleRate > 768_000) {
            throw new WavFormatException(name + " claims a sample rate of " + sampleRate + " Hz");
        }
        return new Format(sampleFormat, channels, sampleRate);
    }

    private static WavAudio samples(ByteBuffer bytes, int length, Format format, String name, double maxSeconds)
            throws WavFormatException {
        int frameBytes = format.sampleFormat.bytesPerSample() * format.channels;
        int frames = length / frameBytes;
        if (frames == 0) {
            throw new WavFormatException(name + " holds no audio (its data chunk is empty)");
        }
        double seconds = (double) frames / format.sampleRate;
        if (seconds > maxSeconds) {
            throw new WavFormatException(name + " is " + Math.round(seconds) + " s long; up to "
                    + Math.round(maxSeconds) + " s are supported. Trim it first.");
        }
        float[][] channels = new float[format.channels][frames];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < format.channels; c++) {
                channels[c][i] = sample(bytes, format.sampleFormat);
            }
        }
        return new WavAudio(format.sampleRate, channels, format.sampleFormat);
    }

    private static float sample(ByteBuffer bytes, SampleFormat format) {
        switch (format) {
            case PCM16:
                return bytes.getShort() / 32768f;
            case PCM24: {
                int low = bytes.get() & 0xFF;
                int mid = bytes.get() & 0xFF;
                int high = bytes.get();
                return (high << 16 | mid << 8 | low) / 8388608f;
            }
            default:
                return bytes.getFloat();
        }
    }

    private static String describe(int tag, int bits) {
        String encoding = tag == WavCodes.PCM ? "PCM" : tag == WavCodes.IEEE_FLOAT ? "float"
                : "format 0x" + Integer.toHexString(tag) + (tag == 2 ? " (ADPCM)" : tag == 6 || tag == 7 ? " (G.711)" : "");
        return bits + "-bit " + encoding + " audio";
    }

    private record Format(SampleFormat sampleFormat, int channels, int sampleRate) {
    }
}
