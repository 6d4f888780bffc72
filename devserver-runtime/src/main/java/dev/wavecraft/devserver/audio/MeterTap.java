package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;
/**
 * Peak and RMS of the output, accumulated on the audio thread over a window of about 1/30 s
 * (whole blocks) and published without locks through a {@link FramePublisher}.
 */
final class MeterTap {

    private static final int PEAK_L = 0;
    private static final int PEAK_R = 1;
    private static final int RMS_L = 2;
    private static final int RMS_R = 3;

    private final FramePublisher published = new FramePublisher(4);
    private final int windowFrames;
    private float peakL;
    private float peakR;
    private double squaresL;
    private double squaresR;
    private int frames;

    MeterTap(AudioSettings settings) {
        this.windowFrames = Math.max(settings.blockSize(), settings.sampleRate() / 30);
    }

    /** Audio thread. */
    void accept(float[][] output, int count, long nowMillis) {
        float[] left = output[0];
        float[] right = output[output.length - 1];
        for (int i = 0; i < count; i++) {
            float l = left[i];
            float r = right[i];
            peakL = Math.max(peakL, Math.abs(l));
            peakR = Math.max(peakR, Math.abs(r));
            squaresL += l * l;
            squaresR += r * r;
        }
        frames += count;
        if (frames >= windowFrames) {
            float[] frame = published.beginWrite();
            frame[PEAK_L] = peakL;
            frame[PEAK_R] = peakR;
            frame[RMS_L] = (float) Math.sqrt(squaresL / frames);
            frame[RMS_R] = (float) Math.sqrt(squaresR / frames);
            published.endWrite(nowMillis, false);
            peakL = 0;
            peakR = 0;
            squaresL = 0;
            squaresR = 0;
            frames = 0;
        }
    }

    /** Any thread: the latest frame, or null before the first window is complete. */
    MeterFrame latest() {
        FramePublisher.Frame frame = published.read();
        if (frame == null) {
            return null;
        }
        float[] v = frame.values();
        return new MeterFrame(v[PEAK_L], v[PEAK_R], v[RMS_L], v[RMS_R], frame.timestamp());
    }

    long published() {
        return published.published();
    }
}
