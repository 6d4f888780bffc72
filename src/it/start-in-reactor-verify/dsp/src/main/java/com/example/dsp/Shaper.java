package com.example.dsp;

/** A soft clipper with drive in decibels. */
public final class Shaper {

    private Shaper() {
    }

    public static float softClip(float sample, float driveDecibels) {
        float drive = (float) Math.pow(10, driveDecibels / 20.0);
        return (float) Math.tanh(sample * drive);
    }
}
