package dev.wavecraft.devserver.audio.wav;

import dev.wavecraft.protocol.options.SampleFormat;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes a RIFF/WAVE file block by block, so audio of any length needs no more memory than one
 * buffer. The file appears complete or not at all: the audio goes to a temporary file in the same
 * directory, whose header sizes are filled in by {@link #finish}, which then moves it over the
 * target; {@link #close} before that deletes it.
 */
public final class WavWriter implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final long MAX_RIFF_LENGTH = 0xFFFFFFFFL;

    private final Path target;
    private final Path temporary;
    private final FileChannel file;
    private final int sampleRate;
    private final int channels;
    private final SampleFormat format;
    private final ByteBuffer buffer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long frames;

    private WavWriter(Path target, Path temporary, FileChannel file, int sampleRate, int channels,
            SampleFormat format) {
        this.target = target;
        this.temporary = temporary;
        this.file = file;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.format = format;
        int frameBytes = channels * format.bytesPerSample();
        this.buffer = ByteBuffer.allocate(BUFFER_BYTES / frameBytes * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Starts a file of {@code channels} channels at {@code sampleRate}; nothing appears at {@code target} yet. */
    public static WavWriter create(Path target, int sampleRate, int channels, SampleFormat format)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        FileChannel file;
        try {
            file = FileChannel.open(temporary, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        WavWriter writer = new WavWriter(absolute, temporary, file, sampleRate, channels, format);
        try {
            writer.file.write(writer.header());
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    /**
     * Appends the first {@code count} frames of {@code audio} (one array per channel, as many as the
     * file has).
     *
     * @throws IOException when the file would grow beyond the 4 GiB a WAV file can describe
     */
    public void write(float[][] audio, int count) throws IOException {
        if (audio.length != channels) {
            throw new IllegalArgumentException("The file has " + channels + " channels, not " + audio.length);
        }
        if (riffLength(frames + count) > MAX_RIFF_LENGTH) {
            throw new IOException("The audio is too long for a WAV file, which holds at most 4 GiB ("
                    + (frames + count) / sampleRate + " s of " + channels + " channels of " + format.displayName()
                    + " at " + sampleRate + " Hz)");
        }
        for (int i = 0; i < count; i++) {
            for (float[] channel : audio) {
                put(channel[i]);
            }
            if (!buffer.hasRemaining()) {
                flush();
            }
        }
        frames += count;
    }

    /** Writes the header's sizes and moves the file to its target, replacing what was there. */
    public void finish() throws IOException {
        if (closed.get()) {
            throw new IOException("The WAV file " + target + " was already closed");
        }
        try {
            flush();
            if ((dataBytes(frames) & 1) != 0) {
                file.write(ByteBuffer.wrap(new byte[1]));
            }
            file.write(header(), 0);
            file.force(false);
            file.close();
            move(temporary, target);
        } finally {
            close();
        }
    }

    /** Abandons the file unless {@link #finish} moved it into place; safe to call from any thread, and again. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                file.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
        buffer.clear();
    }

    private void put(float sample) {
        switch (format) {
            case PCM16 -> buffer.putShort((short) quantise(sample, 32768));
            case PCM24 -> {
                int value = quantise(sample, 8388608);
                buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
            }
            default -> buffer.putFloat(sample);
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

    private ByteBuffer header() {
        boolean isFloat = format.floatingPoint();
        int fmtLength = isFloat ? 18 : 16;
        ByteBuffer header = ByteBuffer.allocate(headerLength()).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(WavCodes.RIFF).putInt((int) riffLength(frames)).putInt(WavCodes.WAVE);
        header.putInt(WavCodes.FMT).putInt(fmtLength)
                .putShort((short) WavCodes.formatTag(format))
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * channels * format.bytesPerSample())
                .putShort((short) (channels * format.bytesPerSample()))
                .putShort((short) format.bitsPerSample());
        if (isFloat) {
            header.putShort((short) 0);
            header.putInt(WavCodes.FACT).putInt(4).putInt((int) frames);
        }
        header.putInt(WavCodes.DATA).putInt((int) dataBytes(frames));
        return header.flip();
    }

    /** 44 bytes for PCM; float adds the cbSize field and a fact chunk (58 bytes). */
    private int headerLength() {
        return format.floatingPoint() ? 58 : 44;
    }

    private long dataBytes(long frameCount) {
        return frameCount * channels * format.bytesPerSample();
    }

    private long riffLength(long frameCount) {
        long data = dataBytes(frameCount);
        return headerLength() - 8 + data + (data & 1);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
