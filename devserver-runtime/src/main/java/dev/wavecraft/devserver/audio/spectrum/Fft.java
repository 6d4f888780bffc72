package dev.wavecraft.devserver.audio.spectrum;

/**
 * An in-place iterative radix-2 fast Fourier transform of one power-of-two size, with its
 * bit-reversal permutation and twiddle factors computed once. Forward and unnormalised:
 * {@code X[k] = Σ x[n] · e^(-2πi·kn/N)}. The tables are read-only, so one instance serves any
 * number of threads at once.
 */
public final class Fft {

    private final int size;
    private final int[] reversed;
    private final double[] cos;
    private final double[] sin;

    public Fft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("An FFT size must be a power of two of at least 2, not " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        this.reversed = new int[size];
        for (int i = 0; i < size; i++) {
            reversed[i] = Integer.reverse(i) >>> (Integer.SIZE - bits);
        }
        this.cos = new double[size / 2];
        this.sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double angle = -2 * Math.PI * k / size;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
    }

    public int size() {
        return size;
    }

    /** Replaces {@code re + i·im} (each of {@link #size} values) by its transform. */
    public void transform(double[] re, double[] im) {
        if (re.length != size || im.length != size) {
            throw new IllegalArgumentException("This FFT takes " + size + " values, not " + re.length + " and "
                    + im.length);
        }
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int half = 1; half < size; half <<= 1) {
            int stride = size / (2 * half);
            for (int start = 0; start < size; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sin[k * stride];
                    int a = start + k;
                    int b = a + half;
                    double br = re[b] * wr - im[b] * wi;
                    double bi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - br;
                    im[b] = im[a] - bi;
                    re[a] += br;
                    im[a] += bi;
                }
            }
        }
    }
}
