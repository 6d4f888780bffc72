package dev.wavecraft.devserver.audio.wav;

import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes RIFF/WAVE files. The file appears complete or not at all: the audio goes to a temporary
 * file in the same directory, which is moved over the target at the end and deleted on failure.
 */
public final class WavWriter {

    private static final int BUFFER_FRAMES = 4096;

    private WavWriter() {
    }

    public static void write(Path target, WavAudio audio) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writeTo(out, audio);
            }
            move(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void writeTo(OutputStream out, WavAudio audio) throws IOException {
        SampleFormat format = audio.format();
        int channels = audio.channelCount();
        long dataBytes = (long) audio.frames() * channels * format.bytesPerSample();
        boolean isFloat = format == SampleFormat.FLOAT32;
        int fmtLength = isFloat ? 18 : 16;
        int factLength = isFloat ? 12 : 0;
        long riffLength = 4 + (8 + fmtLength) + factLength + 8 + dataBytes + (dataBytes & 1);
        if (riffLength > 0xFFFFFFFFL) {
            throw new IOException("The audio is too long for a WAV file (" + audio.seconds() + " s)");
        }
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(WavCodes.RIFF).putInt((int) riffLength).putInt(WavCodes.WAVE);
        header.putInt(WavCodes.FMT).putInt(fmtLength)
                .putShort((short) WavCodes.formatTag(format))
                .putShort((short) channels)
                .putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * channels * format.bytesPerSample())
                .putShort((short) (channels * format.bytesPerSample()))
                .putShort((short) format.bitsPerSample());
        if (isFloat) {
            header.putShort((short) 0);
            header.putInt(WavCodes.FACT).putInt(4).putInt(audio.frames());
        }
        header.putInt(WavCodes.DATA).putInt((int) dataBytes);
        out.write(header.array(), 0, header.position());
        writeSamples(out, audio);
        if ((dataBytes & 1) != 0) {
            out.write(0);
        }
    }

    private static void writeSamples(OutputStream out, WavAudio audio) throws IOException {
        SampleFormat format = audio.format();
        float[][] channels = audio.channels();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_FRAMES * channels.length * format.bytesPerSample())
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < audio.frames(); i++) {
            for (float[] channel : channels) {
                put(buffer, channel[i], format);
            }
            if (!buffer.hasRemaining()) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    private static void put(ByteBuffer buffer, float sample, SampleFormat format) {
        switch (format) {
            case PCM16:
                buffer.putShort((short) quantise(sample, 32768));
                break;
            case PCM24: {
                int value = quantise(sample, 8388608);
                buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
                break;
            }
            default:
                buffer.putFloat(sample);
        }
    }

    /**
     * Scales by {@code full} (2^15 or 2^23, the reader's divisor, so a round trip adds no gain error)
     * and clips into [-full, full - 1]; NaN becomes 0.
     */
    private static int quantise(float sample, int full) {
        if (Float.isNaN(sample)) {
            return 0;
        }
        long value = Math.round((double) sample * full);
        return (int) Math.max(-full, Math.min(full - 1, value));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
