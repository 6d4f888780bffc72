package dev.wavecraft.devserver.audio.spectrum;

/**
 * Magnitude spectra of one FFT size, in dBFS: the samples are Hann-windowed (periodic), transformed,
 * and each bin's magnitude is scaled by the window's coherent gain so that a full-scale sine reads
 * 0 dBFS in its bin. Gives {@code size / 2 + 1} bins, bin k at {@code k · sampleRate / size} Hz,
 * none below {@link #FLOOR_DB} (the wire form has no room for minus infinity). Safe for any number of
 * threads: each call works in arrays of its own.
 */
public final class SpectrumAnalyser {

    public static final int MIN_SIZE = 256;
    public static final int MAX_SIZE = 16_384;
    public static final int DEFAULT_SIZE = 4096;
    /** What silence reads, far below any 32-bit float signal. */
    public static final float FLOOR_DB = -200f;

    private final Fft fft;
    private final double[] window;
    /** Multiplies |X[k]| of a bin between DC and Nyquist to give the sine amplitude that made it. */
    private final double scale;

    public SpectrumAnalyser(int size) {
        if (!isSupportedSize(size)) {
            throw new IllegalArgumentException(unsupportedSize(size));
        }
        this.fft = new Fft(size);
        this.window = new double[size];
        double sum = 0;
        for (int n = 0; n < size; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / size);
            sum += window[n];
        }
        this.scale = 2 / sum;
    }

    public static boolean isSupportedSize(int size) {
        return size >= MIN_SIZE && size <= MAX_SIZE && Integer.bitCount(size) == 1;
    }

    /** Why {@code size} cannot be used, as a user reads it. */
    public static String unsupportedSize(double size) {
        String given = size == Math.rint(size) && Math.abs(size) < 1e15 ? Long.toString((long) size)
                : Double.toString(size);
        return "the FFT size must be a power of two from " + MIN_SIZE + " to " + MAX_SIZE + ", not " + given;
    }

    public int size() {
        return fft.size();
    }

    /** The spectrum of the first {@link #size} values of {@code samples}, in dBFS per bin. */
    public float[] magnitudesDb(float[] samples) {
        int size = fft.size();
        double[] re = new double[size];
        double[] im = new double[size];
        for (int n = 0; n < size; n++) {
            re[n] = samples[n] * window[n];
        }
        fft.transform(re, im);
        float[] bins = new float[size / 2 + 1];
        for (int k = 0; k < bins.length; k++) {
            // DC and Nyquist have no mirror image to fold in, so they take half the scale.
            double edge = k == 0 || k == size / 2 ? 0.5 : 1;
            double amplitude = Math.hypot(re[k], im[k]) * scale * edge;
            bins[k] = amplitude > 0 ? (float) Math.max(FLOOR_DB, 20 * Math.log10(amplitude)) : FLOOR_DB;
        }
        return bins;
    }
}
