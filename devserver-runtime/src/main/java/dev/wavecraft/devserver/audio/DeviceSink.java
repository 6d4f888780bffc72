package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The default output device through {@code javax.sound.sampled}: 16-bit little-endian stereo,
 * with room for a few blocks in the line's buffer. Writes block, which paces the engine.
 */
final class DeviceSink implements AudioSink {

    private static final int BUFFERED_BLOCKS = BlockSchedule.OUTPUT_BUFFER_BLOCKS;

    private final SourceDataLine line;
    private final byte[] bytes;

    private DeviceSink(SourceDataLine line, int blockSize) {
        this.line = line;
        this.bytes = new byte[blockSize * AudioSettings.CHANNELS * 2];
    }

    static DeviceSink open(AudioSettings settings) throws OutputUnavailableException {
        AudioFormat format = new AudioFormat(settings.sampleRate(), 16, AudioSettings.CHANNELS, true, false);
        SourceDataLine line = null;
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, settings.blockSize() * AudioSettings.CHANNELS * 2 * BUFFERED_BLOCKS);
            line.start();
            return new DeviceSink(line, settings.blockSize());
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            if (line != null) {
                line.close();
            }
            throw new OutputUnavailableException(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage(), e);
        } catch (RuntimeException e) {
            // Sound providers fail in surprising ways on machines without audio; none of it is fatal.
            if (line != null) {
                line.close();
            }
            throw new OutputUnavailableException(e.toString(), e);
        }
    }

    @Override
    public boolean write(float[][] channels, int frames) {
        int index = 0;
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                float sample = channel[i];
                int value = sample >= 1f ? 32767 : sample <= -1f ? -32767 : (int) (sample * 32767f);
                bytes[index++] = (byte) value;
                bytes[index++] = (byte) (value >> 8);
            }
        }
        return line.isOpen() && line.write(bytes, 0, index) == index;
    }

    @Override
    public boolean pacesItself() {
        return true;
    }

    @Override
    public String description() {
        return "default output device";
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
