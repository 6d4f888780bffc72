package dev.wavecraft.devserver.audio;

import dev.wavecraft.devserver.processor.CallWatch;
import dev.wavecraft.protocol.options.AudioSettings;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compare on the audio thread: runs generation A beside the live generation B on the same input,
 * measures both and their difference, and gives out what is listened to (a, b or diff). Whenever
 * that changes (another mode, another A, compare on or off) it fades from the old to the new at a
 * block boundary, with gains that add up to one, so nothing clicks. A's output and times also go to
 * its {@link GenerationATap}. One per audio thread; in steady state nothing here allocates or locks.
 */
final class CompareStage {

    /** -120 dBFS: a difference below this for two seconds counts as identical. */
    static final float IDENTICAL_BELOW = 1e-6f;
    private static final double IDENTICAL_SECONDS = 2;
    private static final double MATCH_SECONDS = 0.3;
    /** Match loudness gives A at most ±24 dB: beyond that one of them is as good as silent. */
    private static final double MAX_MATCH_GAIN = 15.85;
    private static final double SILENT_MEAN_SQUARE = 1e-12;

    private final AtomicReference<CompareMode> mode;
    private final AtomicReference<ProcessorRunner> pendingA;
    private final RetiredRunners retired;
    private final CallWatch watch;
    private final AudioClock clock;
    private final long blockNanos;
    private final int windowFrames;
    private final long identicalFrames;
    private final double matchCoefficientPerFrame;
    /** fadeIn[i] = sin²(π/2 · (i + ½) / n); the fade-out gain is fadeIn[n - 1 - i], and the two add up to one. */
    private final float[] fadeIn;
    private final float[] gains;
    private final float[][] heard;
    private final FramePublisher published = new FramePublisher(CompareLevels.SIZE);
    private final GenerationATap aTap;

    private ProcessorRunner a;
    private ProcessorRunner previousA;
    private Listening listening = Listening.B;
    private Listening previousListening = Listening.B;
    private boolean fading;
    private int fadePosition;
    private float gain = 1;
    private boolean matchPrimed;
    private double meanSquareA;
    private double meanSquareB;
    private long framesWithA;
    private long lastDifferentFrame;
    private volatile int aFailuresInRow;
    private volatile Throwable aLastFailure;
    private long lastANanos;
    // The window being measured.
    private double squaresA;
    private double squaresB;
    private double squaresDiff;
    private float peakDiff;
    private long nanosA;
    private long nanosB;
    private int blocks;
    private int frames;

    CompareStage(AudioSettings settings, int fadeFrames, AtomicReference<CompareMode> mode,
            AtomicReference<ProcessorRunner> pendingA, RetiredRunners retired, CallWatch watch, AudioClock clock) {
        this.mode = mode;
        this.pendingA = pendingA;
        this.retired = retired;
        this.watch = watch;
        this.clock = clock;
        this.blockNanos = settings.blockNanos();
        this.windowFrames = Math.max(settings.blockSize(), settings.sampleRate() / 4);
        this.identicalFrames = (long) (IDENTICAL_SECONDS * settings.sampleRate());
        this.matchCoefficientPerFrame = 1 / (MATCH_SECONDS * settings.sampleRate());
        this.fadeIn = new float[fadeFrames];
        for (int i = 0; i < fadeFrames; i++) {
            double sine = Math.sin(Math.PI / 2 * (i + 0.5) / fadeFrames);
            fadeIn[i] = (float) (sine * sine);
        }
        this.gains = new float[settings.blockSize()];
        this.heard = new float[AudioSettings.CHANNELS][settings.blockSize()];
        this.aTap = new GenerationATap(settings);
    }

    /**
     * Audio thread: runs A when there is one and returns what is heard this block.
     *
     * @param notes the block's note events, the same B got
     * @param b the live generation's output for this block
     * @param bNanos how long B's {@code process} took
     */
    float[][] render(float[][] input, LiveNotes notes, float[][] b, int count, long bNanos) {
        CompareMode wanted = mode.get();
        if (!fading) {
            follow(wanted);
        }
        lastANanos = 0;
        if (a != null) {
            runA(a, input, notes, count);
        }
        if (fading && previousA != null && previousA != a) {
            runA(previousA, input, notes, count);
        }
        float target = wanted.matchLoudness() && a != null && matchPrimed ? matchGain() : 1f;
        for (int i = 0; i < count; i++) {
            gains[i] = gain + (target - gain) * (i + 1) / count;
        }
        gain = target;
        if (a != null) {
            aTap.accept(a.output(), gains, count, lastANanos);
        }
        boolean mixing = fading || listening != Listening.B;
        mix(b, count, mixing);
        measured(count, bNanos);
        if (fading) {
            fadePosition += count;
            if (fadePosition >= fadeIn.length) {
                endFade();
            }
        }
        return mixing ? heard : b;
    }

    /** Starts a fade when a new A arrived or what should be heard changed; lets go of A once compare is off. */
    private void follow(CompareMode wanted) {
        ProcessorRunner incoming = pendingA.get() != null ? pendingA.getAndSet(null) : null;
        if (incoming != null) {
            fadeTo(heardWith(wanted, incoming), incoming);
            aTap.started();
            framesWithA = 0;
            lastDifferentFrame = 0;
            matchPrimed = false;
            aFailuresInRow = 0;
            return;
        }
        if (!wanted.enabled() && a != null && listening == Listening.B) {
            retired.offer(a);
            a = null;
            aTap.stopped();
        }
        Listening target = heardWith(wanted, a);
        if (target != listening) {
            fadeTo(target, a);
        }
    }

    private static Listening heardWith(CompareMode wanted, ProcessorRunner runner) {
        return wanted.enabled() && runner != null ? wanted.listening() : Listening.B;
    }

    private void fadeTo(Listening next, ProcessorRunner nextA) {
        previousListening = listening;
        previousA = a;
        listening = next;
        a = nextA;
        fading = true;
        fadePosition = 0;
    }

    private void endFade() {
        if (previousA != null && previousA != a) {
            retired.offer(previousA);
        }
        previousA = null;
        fading = false;
    }

    private void runA(ProcessorRunner runner, float[][] input, LiveNotes notes, int count) {
        long start = clock.nanoTime();
        watch.enter("process()", runner.generation());
        Throwable failure = runner.process(input, notes, count);
        watch.exit();
        lastANanos += clock.nanoTime() - start;
        if (runner == a) {
            if (failure == null) {
                aFailuresInRow = 0;
            } else {
                aLastFailure = failure;
                aFailuresInRow = aFailuresInRow + 1;
            }
        }
    }

    private void mix(float[][] b, int count, boolean mixing) {
        float[][] aOut = a == null ? null : a.output();
        float[][] previousOut = previousA == null ? null : previousA.output();
        boolean different = false;
        double rawA = 0;
        double blockB = 0;
        for (int c = 0; c < b.length; c++) {
            float[] bc = b[c];
            float[] ac = aOut == null ? null : aOut[c];
            float[] pc = previousOut == null ? null : previousOut[c];
            float[] out = heard[c];
            for (int i = 0; i < count; i++) {
                float bs = bc[i];
                blockB += bs * bs;
                float as = 0;
                if (ac != null) {
                    float raw = ac[i];
                    rawA += raw * raw;
                    as = gains[i] * raw;
                    float diff = bs - as;
                    squaresA += as * as;
                    squaresDiff += diff * diff;
                    float size = Math.abs(diff);
                    peakDiff = Math.max(peakDiff, size);
                    different |= size > IDENTICAL_BELOW;
                }
                if (mixing) {
                    float now = listening.sample(bs, as);
                    int position = fadePosition + i;
                    if (fading && position < fadeIn.length) {
                        float before = previousListening.sample(bs, pc == null ? 0 : pc == ac ? as : gains[i] * pc[i]);
                        now = before * fadeIn[fadeIn.length - 1 - position] + now * fadeIn[position];
                    }
                    out[i] = now;
                }
            }
        }
        squaresB += blockB;
        int samples = count * b.length;
        meanSquareB += (blockB / samples - meanSquareB) * Math.min(1, count * matchCoefficientPerFrame);
        if (aOut != null) {
            meanSquareA = matchPrimed ? meanSquareA + (rawA / samples - meanSquareA)
                    * Math.min(1, count * matchCoefficientPerFrame) : rawA / samples;
            matchPrimed = true;
            framesWithA += count;
            if (different) {
                lastDifferentFrame = framesWithA;
            }
        }
    }

    private float matchGain() {
        if (meanSquareA < SILENT_MEAN_SQUARE || meanSquareB < SILENT_MEAN_SQUARE) {
            return 1f;
        }
        return (float) Math.max(1 / MAX_MATCH_GAIN, Math.min(MAX_MATCH_GAIN, Math.sqrt(meanSquareB / meanSquareA)));
    }

    private void measured(int count, long bNanos) {
        nanosA += lastANanos;
        nanosB += bNanos;
        blocks++;
        frames += count;
        if (frames < windowFrames) {
            return;
        }
        int samples = frames * heard.length;
        double period = (double) blocks * blockNanos;
        float[] frame = published.beginWrite();
        frame[CompareLevels.A_GENERATION] = a == null ? -1 : a.generation();
        frame[CompareLevels.A_RMS] = (float) Math.sqrt(squaresA / samples);
        frame[CompareLevels.B_RMS] = (float) Math.sqrt(squaresB / samples);
        frame[CompareLevels.DIFF_PEAK] = a == null ? 0 : peakDiff;
        frame[CompareLevels.DIFF_RMS] = (float) Math.sqrt(squaresDiff / samples);
        frame[CompareLevels.MATCH_GAIN] = a == null || !mode.get().matchLoudness() ? 1 : gain;
        frame[CompareLevels.CPU_A] = (float) (nanosA / period);
        frame[CompareLevels.CPU_B] = (float) (nanosB / period);
        boolean identical = a != null && framesWithA >= identicalFrames
                && framesWithA - lastDifferentFrame >= identicalFrames;
        published.endWrite(System.currentTimeMillis(), identical);
        squaresA = 0;
        squaresB = 0;
        squaresDiff = 0;
        peakDiff = 0;
        nanosA = 0;
        nanosB = 0;
        blocks = 0;
        frames = 0;
    }

    /** The time A's {@code process} took in the last block, in nanoseconds. */
    long lastANanos() {
        return lastANanos;
    }

    /** A's output as compared and its process() times, for the spectrum and the CPU figures. */
    GenerationATap aTap() {
        return aTap;
    }

    /** Any thread: the latest readings, or null before the first window is complete. */
    CompareLevels levels() {
        FramePublisher.Frame frame = published.read();
        return frame == null ? null : CompareLevels.of(frame);
    }

    /** Blocks in a row whose A failed (threw, or wrote NaN or infinite samples; its block is muted). */
    int aFailuresInRow() {
        return aFailuresInRow;
    }

    Throwable aLastFailure() {
        return aLastFailure;
    }
}
