package dev.wavecraft.devserver.audio;

/**
 * White or pink noise, the same on every channel, from a small xorshift generator (deterministic
 * for a seed, no allocation). Pink noise is white noise through Paul Kellett's filter.
 */
public final class NoiseSource implements InputSource {

    /** Brings the filtered sum back to roughly the range of the white noise. */
    private static final float PINK_SCALE = 0.11f;

    private final boolean pink;
    private final float level;
    private long state;
    private float b0;
    private float b1;
    private float b2;
    private float b3;
    private float b4;
    private float b5;
    private float b6;

    private NoiseSource(boolean pink, double level, long seed) {
        this.pink = pink;
        this.level = (float) level;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    public static NoiseSource white(double level, long seed) {
        return new NoiseSource(false, level, seed);
    }

    public static NoiseSource pink(double level, long seed) {
        return new NoiseSource(true, level, seed);
    }

    @Override
    public void fill(float[][] channels, int frames) {
        float[] first = channels[0];
        for (int i = 0; i < frames; i++) {
            float white = nextWhite();
            first[i] = level * (pink ? Math.max(-1f, Math.min(1f, pink(white))) : white);
        }
        for (int c = 1; c < channels.length; c++) {
            System.arraycopy(first, 0, channels[c], 0, frames);
        }
    }

    /** Uniform in [-1, 1). */
    private float nextWhite() {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        state = x;
        return (x >>> 40) / (float) (1 << 23) - 1f;
    }

    private float pink(float white) {
        b0 = 0.99886f * b0 + white * 0.0555179f;
        b1 = 0.99332f * b1 + white * 0.0750759f;
        b2 = 0.96900f * b2 + white * 0.1538520f;
        b3 = 0.86650f * b3 + white * 0.3104856f;
        b4 = 0.55000f * b4 + white * 0.5329522f;
        b5 = -0.7616f * b5 - white * 0.0168980f;
        float sum = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362f;
        b6 = white * 0.115926f;
        return sum * PINK_SCALE;
    }
}
