package dev.wavecraft.devserver.audio;

/**
 * {@link OscilloscopeTap#POINTS} samples per channel of the output, starting at a rising zero
 * crossing of the left channel when there is one; {@code noSignal} when the frame is silent.
 */
public record OscilloscopeFrame(float[] pointsL, float[] pointsR, int sampleRate, long timestamp, boolean noSignal) {

    public static final String TRIGGER_MODE = "risingZeroCrossing";
}
