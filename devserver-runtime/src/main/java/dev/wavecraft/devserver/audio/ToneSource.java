package dev.wavecraft.devserver.audio;

/** A sine wave, the same on every channel. */
public final class ToneSource implements InputSource {

    private static final double TWO_PI = 2 * Math.PI;

    private final double increment;
    private final float level;
    private double phase;

    /** @param frequency in Hz, below half the sample rate */
    public ToneSource(double frequency, double level, int sampleRate) {
        this.increment = frequency / sampleRate;
        this.level = (float) level;
    }

    @Override
    public void fill(float[][] channels, int frames) {
        float[] first = channels[0];
        for (int i = 0; i < frames; i++) {
            first[i] = level * (float) Math.sin(TWO_PI * phase);
            phase += increment;
            if (phase >= 1) {
                phase -= 1;
            }
        }
        for (int c = 1; c < channels.length; c++) {
            System.arraycopy(first, 0, channels[c], 0, frames);
        }
    }
}
