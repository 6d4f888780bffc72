package dev.wavecraft.devserver.audio.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FFT against transforms known in closed form, and against a plain DFT of random data. */
class FftTest {

    private static final double EXACT = 1e-9;

    @Test
    void transformsAnImpulseIntoAFlatSpectrum() {
        double[] re = new double[16];
        double[] im = new double[16];
        re[0] = 1;

        new Fft(16).transform(re, im);

        for (int k = 0; k < 16; k++) {
            assertThat(re[k]).as("re[%d]", k).isCloseTo(1, within(EXACT));
            assertThat(im[k]).as("im[%d]", k).isCloseTo(0, within(EXACT));
        }
    }

    @Test
    void transformsAConstantIntoItsSumAtDc() {
        double[] re = new double[32];
        double[] im = new double[32];
        java.util.Arrays.fill(re, 0.5);

        new Fft(32).transform(re, im);

        assertThat(re[0]).isCloseTo(16, within(EXACT));
        for (int k = 1; k < 32; k++) {
            assertThat(Math.hypot(re[k], im[k])).as("|X[%d]|", k).isCloseTo(0, within(EXACT));
        }
    }

    @Test
    void transformsACosineIntoHalfItsLengthAtItsBinAndTheMirror() {
        int n = 64;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = Math.cos(2 * Math.PI * 5 * i / n);
        }

        new Fft(n).transform(re, im);

        for (int k = 0; k < n; k++) {
            double expected = k == 5 || k == n - 5 ? n / 2.0 : 0;
            assertThat(re[k]).as("re[%d]", k).isCloseTo(expected, within(EXACT));
            assertThat(im[k]).as("im[%d]", k).isCloseTo(0, within(EXACT));
        }
    }

    @Test
    void agreesWithAPlainDftOnRandomComplexInput() {
        int n = 256;
        Random random = new Random(16);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextGaussian();
            im[i] = random.nextGaussian();
        }
        double[] expectedRe = new double[n];
        double[] expectedIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double angle = -2 * Math.PI * k * i / n;
                expectedRe[k] += re[i] * Math.cos(angle) - im[i] * Math.sin(angle);
                expectedIm[k] += re[i] * Math.sin(angle) + im[i] * Math.cos(angle);
            }
        }

        new Fft(n).transform(re, im);

        assertThat(re).containsExactly(expectedRe, within(1e-9));
        assertThat(im).containsExactly(expectedIm, within(1e-9));
    }

    @Test
    void refusesSizesThatAreNotPowersOfTwoAndArraysOfAnotherSize() {
        assertThatThrownBy(() -> new Fft(48)).hasMessage("An FFT size must be a power of two of at least 2, not 48");
        assertThatThrownBy(() -> new Fft(8).transform(new double[4], new double[8]))
                .hasMessage("This FFT takes 8 values, not 4 and 8");
    }
}
