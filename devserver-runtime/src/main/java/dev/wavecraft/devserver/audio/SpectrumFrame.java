package dev.wavecraft.devserver.audio;

/**
 * The spectrum of what is heard over the latest {@code fftSize} samples: {@code fftSize / 2 + 1}
 * magnitudes in dBFS per channel, bin k at {@code k · sampleRate / fftSize} Hz.
 *
 * @param binsA the spectrum of generation A while comparing A and B, else null: A's output as
 *     compared (after match loudness), its two channels' power averaged per bin
 * @param timestamp when the last sample analysed was played, in epoch milliseconds
 */
public record SpectrumFrame(float[] binsL, float[] binsR, float[] binsA, int fftSize, int sampleRate,
        long timestamp) {
}
