package dev.wavecraft.devserver.audio;

/** Peak and RMS levels of the output per channel, linear, over one meter window; epoch milliseconds. */
public record MeterFrame(float peakL, float peakR, float rmsL, float rmsR, long timestamp) {
}
