package com.example.synth;

/**
 * Attack, decay, sustain and release of one voice, in straight lines: up to 1 over the attack,
 * down to the sustain level over the decay, held while the key is down, and down to 0 over the
 * release from wherever it was.
 */
final class Envelope {

    private enum Stage { IDLE, ATTACK, DECAY, SUSTAIN, RELEASE }

    private Stage stage = Stage.IDLE;
    private float level;
    private float releaseStep;

    /** The per-sample steps for the current parameter values, shared by all voices. */
    static final class Shape {

        float attackStep;
        float decayStep;
        float sustain;
        float releaseSeconds;
        float sampleRate;

        void set(float attackMs, float decayMs, float sustain, float releaseMs, float sampleRate) {
            this.attackStep = 1000 / (attackMs * sampleRate);
            this.decayStep = 1000 / (decayMs * sampleRate);
            this.sustain = sustain;
            this.releaseSeconds = releaseMs / 1000;
            this.sampleRate = sampleRate;
        }
    }

    /** Starts again from the current level, so a restarted note does not click. */
    void start() {
        stage = Stage.ATTACK;
    }

    void release() {
        if (stage != Stage.IDLE) {
            stage = Stage.RELEASE;
            releaseStep = -1;
        }
    }

    void silence() {
        stage = Stage.IDLE;
        level = 0;
    }

    boolean isIdle() {
        return stage == Stage.IDLE;
    }

    boolean isReleasing() {
        return stage == Stage.RELEASE;
    }

    /** The level for the next sample. */
    float next(Shape shape) {
        switch (stage) {
            case ATTACK:
                level += shape.attackStep;
                if (level >= 1) {
                    level = 1;
                    stage = Stage.DECAY;
                }
                break;
            case DECAY:
                level -= shape.decayStep;
                if (level <= shape.sustain) {
                    level = shape.sustain;
                    stage = Stage.SUSTAIN;
                }
                break;
            case SUSTAIN:
                level = shape.sustain;
                break;
            case RELEASE:
                if (releaseStep < 0) {
                    // The release takes its time from the level it starts at.
                    releaseStep = Math.max(level, 1e-6f) / (shape.releaseSeconds * shape.sampleRate);
                }
                level -= releaseStep;
                if (level <= 0) {
                    silence();
                }
                break;
            default:
                break;
        }
        return level;
    }
}
