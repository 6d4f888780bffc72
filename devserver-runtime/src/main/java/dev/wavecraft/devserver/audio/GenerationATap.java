package dev.wavecraft.devserver.audio;

import dev.wavecraft.devserver.audio.spectrum.SpectrumAnalyser;
import dev.wavecraft.protocol.options.AudioSettings;

/**
 * What compare keeps of generation A for the views, beside what is heard: A's output as compared
 * (after the match-loudness gain) in a {@link SampleHistory} for its spectrum, and the time A's
 * {@code process} took per block in a {@link ProcessTimes} for its CPU figures. Both start over
 * whenever another A comes in, so they never mix two generations. One per {@link CompareStage};
 * the audio thread writes into preallocated arrays, without locks or allocation.
 */
final class GenerationATap {

    private static final long NO_A = Long.MAX_VALUE;

    private final SampleHistory output;
    private final ProcessTimes times;
    private final float[][] compared;
    /** The frame of {@link #output} at which the A running now began; {@link #NO_A} while none runs. */
    private volatile long since = NO_A;

    GenerationATap(AudioSettings settings) {
        this.output = new SampleHistory(SpectrumAnalyser.MAX_SIZE, settings.blockSize());
        this.times = new ProcessTimes(settings);
        this.compared = new float[AudioSettings.CHANNELS][settings.blockSize()];
    }

    /** Audio thread: another A runs from the next block on. */
    void started() {
        times.restart();
        since = output.written();
    }

    /** Audio thread: no A runs any more. */
    void stopped() {
        since = NO_A;
    }

    /**
     * Audio thread: A's block, scaled sample by sample by {@code gains} as compare heard it, and the
     * time its {@code process} took.
     */
    void accept(float[][] aOutput, float[] gains, int count, long processNanos) {
        for (int c = 0; c < compared.length; c++) {
            float[] source = aOutput[Math.min(c, aOutput.length - 1)];
            float[] into = compared[c];
            for (int i = 0; i < count; i++) {
                into[i] = gains[i] * source[i];
            }
        }
        output.write(compared, count, System.currentTimeMillis());
        times.record(processNanos);
    }

    /** Any thread: A's {@code process} times since it began, or null while no A runs. */
    CpuLoad load() {
        return since == NO_A ? null : times.load();
    }

    /**
     * Any thread: copies A's latest {@code frames} frames into {@code into}.
     *
     * @return the time the last of them was played, or {@link SampleHistory#NOT_ENOUGH} while no A
     *     runs, before it played that many, or when another A came in meanwhile
     */
    long copyLatest(float[][] into, int frames) {
        long from = since;
        if (from == NO_A) {
            return SampleHistory.NOT_ENOUGH;
        }
        long time = output.copyLatest(into, frames, from);
        return since == from ? time : SampleHistory.NOT_ENOUGH;
    }
}
