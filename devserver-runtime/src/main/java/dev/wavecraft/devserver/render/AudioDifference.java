package dev.wavecraft.devserver.render;

import dev.wavecraft.devserver.audio.wav.WavAudio;
import java.util.Locale;

/**
 * How a render differs from its reference, sample by sample: the difference itself (render minus
 * reference), its peak and RMS, and the first frame where it exceeds a tolerance. Both must have
 * the same sample rate, channels and length; {@link #mismatch} says when they do not.
 *
 * @param firstOver the first frame whose difference exceeds the tolerance, or -1
 */
record AudioDifference(float[][] samples, int sampleRate, double peak, double rms, long firstOver) {

    /** Why {@code rendered} and {@code reference} cannot be compared sample by sample, or null. */
    static String mismatch(WavAudio rendered, WavAudio reference) {
        if (rendered.sampleRate() != reference.sampleRate()) {
            return "the render is at " + rendered.sampleRate() + " Hz and the reference at " + reference.sampleRate()
                    + " Hz";
        }
        if (rendered.channelCount() != reference.channelCount()) {
            return "the render has " + rendered.channelCount() + " channels and the reference "
                    + reference.channelCount();
        }
        if (rendered.frames() != reference.frames()) {
            return String.format(Locale.ROOT, "the render is %.3f s long (%d frames) and the reference"
                    + " %.3f s (%d frames)", rendered.seconds(), rendered.frames(), reference.seconds(),
                    reference.frames());
        }
        return null;
    }

    /** @param tolerance the largest difference allowed, as a linear amplitude */
    static AudioDifference between(WavAudio rendered, WavAudio reference, double tolerance) {
        int frames = rendered.frames();
        float[][] difference = new float[rendered.channelCount()][frames];
        double peak = 0;
        double squares = 0;
        long firstOver = -1;
        for (int frame = 0; frame < frames; frame++) {
            for (int channel = 0; channel < difference.length; channel++) {
                float value = rendered.channels()[channel][frame] - reference.channels()[channel][frame];
                difference[channel][frame] = value;
                double magnitude = Math.abs(value);
                peak = Math.max(peak, magnitude);
                squares += magnitude * magnitude;
                if (magnitude > tolerance && firstOver < 0) {
                    firstOver = frame;
                }
            }
        }
        double rms = Math.sqrt(squares / Math.max(1, (double) frames * difference.length));
        return new AudioDifference(difference, rendered.sampleRate(), peak, rms, firstOver);
    }

    /** A linear amplitude in dBFS; silence is {@code -Infinity}. */
    static double dbfs(double amplitude) {
        return 20 * Math.log10(amplitude);
    }

    /** A level in dBFS as a linear amplitude. */
    static double amplitude(double dbfs) {
        return Math.pow(10, dbfs / 20);
    }
}
