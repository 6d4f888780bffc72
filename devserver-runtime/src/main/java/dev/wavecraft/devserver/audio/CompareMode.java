package dev.wavecraft.devserver.audio;

/**
 * Compare's settings as the audio thread reads them: one immutable object behind an atomic
 * reference, replaced whole by whoever changes it, so the audio thread reads it with one volatile read.
 */
record CompareMode(boolean enabled, Listening listening, boolean matchLoudness) {

    static final CompareMode OFF = new CompareMode(false, Listening.B, false);
}
