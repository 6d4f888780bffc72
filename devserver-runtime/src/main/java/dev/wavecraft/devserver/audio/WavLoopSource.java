package dev.wavecraft.devserver.audio;

/** A recording played in a loop, already at the engine's sample rate with one array per engine channel. */
public final class WavLoopSource implements InputSource {

    private final float[][] audio;
    private final float level;
    private int position;

    public WavLoopSource(float[][] audio, double level) {
        this.audio = audio;
        this.level = (float) level;
    }

    @Override
    public void fill(float[][] channels, int frames) {
        int length = audio[0].length;
        int start = position;
        for (int c = 0; c < channels.length; c++) {
            float[] source = audio[Math.min(c, audio.length - 1)];
            float[] target = channels[c];
            int read = start;
            for (int i = 0; i < frames; i++) {
                target[i] = source[read] * level;
                if (++read == length) {
                    read = 0;
                }
            }
        }
        position = (int) ((start + (long) frames) % length);
    }
}
