package dev.wavecraft.devserver.audio;

import dev.wavecraft.devserver.audio.spectrum.SpectrumAnalyser;
import dev.wavecraft.protocol.options.AudioSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spectrum of the output. The audio thread only copies each block into a {@link SampleHistory}
 * (no locks, no allocation); the FFT runs on the thread that asks for a frame, over the latest
 * samples, with an analyser per size made once.
 */
final class SpectrumTap {

    private final SampleHistory heard;
    private final int sampleRate;
    private final Map<Integer, SpectrumAnalyser> analysers = new ConcurrentHashMap<>();

    SpectrumTap(AudioSettings settings) {
        this.heard = new SampleHistory(SpectrumAnalyser.MAX_SIZE, settings.blockSize());
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
        return new SpectrumFrame(analyser.magnitudesDb(samples[0]), analyser.magnitudesDb(samples[1]), null, size,
                sampleRate, timestamp);
    }
}
