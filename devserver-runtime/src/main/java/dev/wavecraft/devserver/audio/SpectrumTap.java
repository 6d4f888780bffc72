package dev.wavecraft.devserver.audio;

import dev.wavecraft.devserver.audio.spectrum.SpectrumAnalyser;
import dev.wavecraft.protocol.options.AudioSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spectrum of the output, and of generation A beside it while comparing. The audio thread only
 * copies each block into a {@link SampleHistory} (no locks, no allocation; compare keeps A's in its
 * {@link GenerationATap}); the FFT runs on the thread that asks for a frame, over the latest
 * samples, with an analyser per size made once.
 */
final class SpectrumTap {

    private final SampleHistory heard;
    private final Comparison comparison;
    private final int sampleRate;
    private final Map<Integer, SpectrumAnalyser> analysers = new ConcurrentHashMap<>();

    SpectrumTap(AudioSettings settings, Comparison comparison) {
        this.heard = new SampleHistory(SpectrumAnalyser.MAX_SIZE, settings.blockSize());
        this.comparison = comparison;
        this.sampleRate = settings.sampleRate();
    }

    /** Audio thread. */
    void accept(float[][] output, int count, long nowMillis) {
        heard.write(output, count, nowMillis);
    }

    /**
     * Any thread: the spectrum of the latest {@code size} samples, or null before that many were played.
     *
     * @throws IllegalArgumentException when {@code size} is not a supported FFT size, saying why
     */
    SpectrumFrame latest(int size) {
        SpectrumAnalyser analyser = analysers.computeIfAbsent(size, SpectrumAnalyser::new);
        float[][] samples = new float[AudioSettings.CHANNELS][size];
        long timestamp = heard.copyLatest(samples, size);
        if (timestamp == SampleHistory.NOT_ENOUGH) {
            return null;
        }
        float[] left = analyser.magnitudesDb(samples[0]);
        float[] right = analyser.magnitudesDb(samples[1]);
        // A's samples go into the same arrays, now that the heard ones are analysed.
        return new SpectrumFrame(left, right, generationA(analyser, samples), size, sampleRate, timestamp);
    }

    /** A's spectrum, both channels' power averaged per bin; null unless A played {@code size} samples. */
    private float[] generationA(SpectrumAnalyser analyser, float[][] samples) {
        GenerationATap tap = comparison.aTap();
        if (tap == null || tap.copyLatest(samples, analyser.size()) == SampleHistory.NOT_ENOUGH) {
            return null;
        }
        float[] left = analyser.magnitudesDb(samples[0]);
        float[] right = analyser.magnitudesDb(samples[1]);
        for (int k = 0; k < left.length; k++) {
            double power = (Math.pow(10, left[k] / 10.0) + Math.pow(10, right[k] / 10.0)) / 2;
            left[k] = (float) Math.max(SpectrumAnalyser.FLOOR_DB, 10 * Math.log10(power));
        }
        return left;
    }
}
