package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;

/**
 * Peak and RMS of one or more meters, each over a left and a right channel, summed over a window of
 * about 1/30 s (whole blocks) and then published as four floats per meter: peak left, peak right,
 * RMS left, RMS right, linear. One writer, the audio thread; nothing here allocates.
 */
final class LevelWindow {

    static final int VALUES_PER_METER = 4;
    static final int PEAK_L = 0;
    static final int PEAK_R = 1;
    static final int RMS_L = 2;
    static final int RMS_R = 3;

    private final FramePublisher published;
    private final float[] peaks;
    private final double[] squares;
    private final int windowFrames;
    private int frames;

    LevelWindow(AudioSettings settings, int meters) {
        this.published = new FramePublisher(meters * VALUES_PER_METER);
        this.peaks = new float[meters * 2];
        this.squares = new double[meters * 2];
        this.windowFrames = Math.max(settings.blockSize(), settings.sampleRate() / 30);
    }

    /** Audio thread: adds {@code count} samples of each channel to meter {@code meter}. */
    void add(int meter, float[] left, float[] right, int count) {
        int l = meter * 2;
        int r = l + 1;
        float peakL = peaks[l];
        float peakR = peaks[r];
        double sumL = squares[l];
        double sumR = squares[r];
        for (int i = 0; i < count; i++) {
            float sampleL = left[i];
            float sampleR = right[i];
            peakL = Math.max(peakL, Math.abs(sampleL));
            peakR = Math.max(peakR, Math.abs(sampleR));
            sumL += sampleL * sampleL;
            sumR += sampleR * sampleR;
        }
        peaks[l] = peakL;
        peaks[r] = peakR;
        squares[l] = sumL;
        squares[r] = sumR;
    }

    /** Audio thread: {@code count} frames were added to every meter; publishes and starts over when the window is full. */
    void blockDone(int count, long nowMillis) {
        frames += count;
        if (frames < windowFrames) {
            return;
        }
        float[] frame = published.beginWrite();
        for (int meter = 0; meter < peaks.length / 2; meter++) {
            int at = meter * VALUES_PER_METER;
            frame[at + PEAK_L] = peaks[meter * 2];
            frame[at + PEAK_R] = peaks[meter * 2 + 1];
            frame[at + RMS_L] = (float) Math.sqrt(squares[meter * 2] / frames);
            frame[at + RMS_R] = (float) Math.sqrt(squares[meter * 2 + 1] / frames);
        }
        published.endWrite(nowMillis, false);
        java.util.Arrays.fill(peaks, 0f);
        java.util.Arrays.fill(squares, 0);
        frames = 0;
    }

    /** Any thread: a copy of the latest published frame, or null before the first window is complete. */
    FramePublisher.Frame latest() {
        return published.read();
    }

    long published() {
        return published.published();
    }
}
