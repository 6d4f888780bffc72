package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;
import java.util.Arrays;

/**
 * Oscilloscope frames of the output, captured on the audio thread about 30 times a second: the
 * last samples are kept in a ring, and each frame starts at the earliest rising zero crossing of
 * the left channel that still leaves {@link #POINTS} samples after it (free-running when there is
 * none), so a periodic signal stands still on screen. Published without locks.
 */
final class OscilloscopeTap {

    public static final int POINTS = 1024;
    /** Below this peak (about -80 dBFS) a frame is reported as no signal. */
    static final float SILENCE = 1e-4f;
    private static final int RING = 4 * POINTS;

    private final FramePublisher published = new FramePublisher(2 * POINTS);
    private final float[][] ring = new float[AudioSettings.CHANNELS][RING];
    private final int sampleRate;
    private final int intervalFrames;
    private int written;
    private long filled;
    private int sinceLastFrame;

    OscilloscopeTap(AudioSettings settings) {
        this.sampleRate = settings.sampleRate();
        this.intervalFrames = settings.sampleRate() / 30;
    }

    /** Audio thread. */
    void accept(float[][] output, int count, long nowMillis) {
        for (int c = 0; c < ring.length; c++) {
            float[] source = output[Math.min(c, output.length - 1)];
            float[] target = ring[c];
            int position = written;
            for (int i = 0; i < count; i++) {
                target[position] = source[i];
                position = position + 1 == RING ? 0 : position + 1;
            }
        }
        written = (written + count) % RING;
        filled += count;
        sinceLastFrame += count;
        if (sinceLastFrame >= intervalFrames && filled >= 2L * POINTS) {
            capture(nowMillis);
            sinceLastFrame = 0;
        }
    }

    private void capture(long nowMillis) {
        float[] left = ring[0];
        int searchFrom = written - 2 * POINTS + 1;
        int start = written - POINTS;
        for (int offset = 0; offset < POINTS; offset++) {
            int at = searchFrom + offset;
            if (left[index(at - 1)] < 0f && left[index(at)] >= 0f) {
                start = at;
                break;
            }
        }
        float[] frame = published.beginWrite();
        float peak = 0;
        for (int c = 0; c < ring.length; c++) {
            float[] source = ring[c];
            int base = c * POINTS;
            for (int i = 0; i < POINTS; i++) {
                float sample = source[index(start + i)];
                frame[base + i] = sample;
                peak = Math.max(peak, Math.abs(sample));
            }
        }
        published.endWrite(nowMillis, peak < SILENCE);
    }

    private static int index(int position) {
        return Math.floorMod(position, RING);
    }

    /** Any thread: the latest frame, or null before the first one. */
    OscilloscopeFrame latest() {
        FramePublisher.Frame frame = published.read();
        if (frame == null) {
            return null;
        }
        float[] values = frame.values();
        return new OscilloscopeFrame(Arrays.copyOfRange(values, 0, POINTS), Arrays.copyOfRange(values, POINTS,
                2 * POINTS), sampleRate, frame.timestamp(), frame.flag());
    }
}
