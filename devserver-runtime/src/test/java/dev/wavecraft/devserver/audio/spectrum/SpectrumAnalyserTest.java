package dev.wavecraft.devserver.audio.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Levels in dBFS: a full-scale sine reads 0 dBFS in its bin, whatever the size. */
class SpectrumAnalyserTest {

    private static final int RATE = 48_000;

    @Test
    void readsAFullScaleSineInItsBinAsZeroDbfs() {
        for (int size : new int[] {256, 4096, 16_384}) {
            SpectrumAnalyser analyser = new SpectrumAnalyser(size);
            int bin = size / 8;

            float[] bins = analyser.magnitudesDb(sine(size, bin * (double) RATE / size, 1));

            assertThat(bins).hasSize(size / 2 + 1);
            assertThat(bins[bin]).as("bin %d of %d", bin, size).isCloseTo(0f, within(0.01f));
            assertThat(peak(bins)).isEqualTo(bin);
            // Hann leaks into the two neighbours at -6 dB and nowhere further.
            assertThat(bins[bin + 1]).isCloseTo(-6.02f, within(0.01f));
            assertThat(bins[bin + 3]).isLessThan(-120f);
        }
    }

    @Test
    void readsHalfScaleAsMinusSixDbAndSilenceAsTheFloor() {
        SpectrumAnalyser analyser = new SpectrumAnalyser(4096);

        assertThat(analyser.magnitudesDb(sine(4096, 64 * RATE / 4096.0, 0.5))[64]).isCloseTo(-6.02f, within(0.01f));
        assertThat(analyser.magnitudesDb(new float[4096])).containsOnly(SpectrumAnalyser.FLOOR_DB);
    }

    @Test
    void putsAOneKilohertzToneInTheBinOfOneKilohertz() {
        SpectrumAnalyser analyser = new SpectrumAnalyser(4096);

        float[] bins = analyser.magnitudesDb(sine(4096, 1000, 0.5));

        // 1000 Hz / (48000 Hz / 4096) = 85.3: between bins, so within 1.5 dB of -6 dBFS (Hann's scalloping).
        assertThat(peak(bins)).isEqualTo(85);
        assertThat(bins[85]).isBetween(-7.6f, -6f);
    }

    @Test
    void acceptsPowersOfTwoWithinTheRangeOnly() {
        assertThat(SpectrumAnalyser.isSupportedSize(4096)).isTrue();
        assertThat(SpectrumAnalyser.isSupportedSize(128)).isFalse();
        assertThat(SpectrumAnalyser.isSupportedSize(32_768)).isFalse();
        assertThat(SpectrumAnalyser.isSupportedSize(3000)).isFalse();
        assertThatThrownBy(() -> new SpectrumAnalyser(3000))
                .hasMessage("the FFT size must be a power of two from 256 to 16384, not 3000");
    }

    private static float[] sine(int length, double hz, double amplitude) {
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return samples;
    }

    private static int peak(float[] bins) {
        int best = 0;
        for (int k = 1; k < bins.length; k++) {
            if (bins[k] > bins[best]) {
                best = k;
            }
        }
        return best;
    }
}
