package com.example.synth;

/** One note being played: an oscillator at the note's pitch (bent), shaped by its envelope. */
final class Voice {

    private final Envelope envelope = new Envelope();
    private int channel = -1;
    private int note = -1;
    private float velocity;
    private long startedAs;
    private double phase;
    private double step;

    void start(int channel, int note, float velocity, long startedAs, float bendSemitones, float sampleRate) {
        this.channel = channel;
        this.note = note;
        this.velocity = velocity;
        this.startedAs = startedAs;
        tune(bendSemitones, sampleRate);
        envelope.start();
    }

    /** Sets the pitch for the note bent by {@code bendSemitones}. */
    void tune(float bendSemitones, float sampleRate) {
        if (note >= 0) {
            double hertz = 440 * Math.pow(2, (note - 69 + bendSemitones) / 12.0);
            step = Math.min(hertz / sampleRate, 0.5);
        }
    }

    void release() {
        envelope.release();
    }

    void silence() {
        envelope.silence();
        note = -1;
        channel = -1;
    }

    /** Whether this voice sounds the key and it is still down. */
    boolean plays(int channel, int note) {
        return this.note == note && this.channel == channel && !envelope.isIdle() && !envelope.isReleasing();
    }

    boolean isFree() {
        return envelope.isIdle();
    }

    boolean isReleased() {
        return envelope.isReleasing();
    }

    /** Which note this was in the order notes were started: the smallest is the oldest. */
    long startedAs() {
        return startedAs;
    }

    void addTo(float[] out, int from, int to, Waveform waveform, Envelope.Shape shape, float gain) {
        float amplitude = velocity * gain;
        for (int i = from; i < to; i++) {
            out[i] += waveform.sample(phase, step) * envelope.next(shape) * amplitude;
            phase += step;
            if (phase >= 1) {
                phase -= 1;
            }
            if (envelope.isIdle()) {
                note = -1;
                channel = -1;
                return;
            }
        }
    }
}
