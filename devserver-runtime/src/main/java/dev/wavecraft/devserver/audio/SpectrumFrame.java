package dev.wavecraft.devserver.audio;

/**
 * The spectrum of what is heard over the latest {@code fftSize} samples: {@code fftSize / 2 + 1}
 * magnitudes in dBFS per channel, bin k at {@code k · sampleRate / fftSize} Hz.
 *
 * @param binsA the spectrum of generation A while comparing A and B, else null: compare fills it
 *     from a {@link SampleHistory} of A's output beside the one of what is heard
 * @param timestamp when the last sample analysed was played, in epoch milliseconds
 */
public record SpectrumFrame(float[] binsL, float[] binsR, float[] binsA, int fftSize, int sampleRate,
        long timestamp) {
}
