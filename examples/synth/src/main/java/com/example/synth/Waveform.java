package com.example.synth;

/**
 * The oscillator's shapes, over a phase in [0, 1). Saw and square are band-limited with PolyBLEP
 * (the jump at each edge is rounded over one sample on each side), which keeps the aliasing of
 * high notes down at the cost of a few multiplications.
 */
enum Waveform {
    SINE {
        @Override
        float sample(double phase, double step) {
            return (float) Math.sin(2 * Math.PI * phase);
        }
    },
    SAW {
        @Override
        float sample(double phase, double step) {
            return (float) (2 * phase - 1 - polyBlep(phase, step));
        }
    },
    SQUARE {
        @Override
        float sample(double phase, double step) {
            double half = phase + 0.5;
            return (float) ((phase < 0.5 ? 1 : -1) + polyBlep(phase, step) - polyBlep(half - Math.floor(half), step));
        }
    };

    private static final Waveform[] ALL = values();

    /** The waveform at the index the enum parameter holds. */
    static Waveform of(int index) {
        return ALL[index];
    }

    abstract float sample(double phase, double step);

    /** The correction near a jump from +1 to -1 at phase 0, for a phase that advances by {@code step} per sample. */
    private static double polyBlep(double phase, double step) {
        if (phase < step) {
            double t = phase / step;
            return t + t - t * t - 1;
        }
        if (phase > 1 - step) {
            double t = (phase - 1) / step;
            return t * t + t + t + 1;
        }
        return 0;
    }
}
