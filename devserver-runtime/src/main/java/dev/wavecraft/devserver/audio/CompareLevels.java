package dev.wavecraft.devserver.audio;

/**
 * Compare's readings over the last quarter of a second: levels in dBFS ({@link #FLOOR_DB} for
 * digital silence), each generation's {@code process} time as a share of the block period.
 *
 * @param aGeneration the generation running as A, or -1 while none runs (then only B is measured)
 * @param aRmsDb A's RMS as compared, that is after the match-loudness gain
 * @param identical the difference stayed below -120 dBFS for the last two seconds
 * @param matchGainDb the gain match loudness applies to A (0 when it is off)
 * @param timestamp when the readings were taken, in epoch milliseconds
 */
public record CompareLevels(int aGeneration, double aRmsDb, double bRmsDb, double diffPeakDb, double diffRmsDb,
        boolean identical, double matchGainDb, double cpuA, double cpuB, long timestamp) {

    /** What silence reads as, so every level is a finite number. */
    public static final double FLOOR_DB = -200;

    static final int A_GENERATION = 0;
    static final int A_RMS = 1;
    static final int B_RMS = 2;
    static final int DIFF_PEAK = 3;
    static final int DIFF_RMS = 4;
    static final int MATCH_GAIN = 5;
    static final int CPU_A = 6;
    static final int CPU_B = 7;
    static final int SIZE = 8;

    /** Before the audio thread measured anything. */
    static CompareLevels none(long timestamp) {
        return new CompareLevels(-1, FLOOR_DB, FLOOR_DB, FLOOR_DB, FLOOR_DB, false, 0, 0, 0, timestamp);
    }

    /** From the linear values a {@link CompareStage} publishes. */
    static CompareLevels of(FramePublisher.Frame frame) {
        float[] v = frame.values();
        return new CompareLevels((int) v[A_GENERATION], db(v[A_RMS]), db(v[B_RMS]), db(v[DIFF_PEAK]), db(v[DIFF_RMS]),
                frame.flag(), db(v[MATCH_GAIN]), v[CPU_A], v[CPU_B], frame.timestamp());
    }

    static double db(double linear) {
        return linear > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(linear)) : FLOOR_DB;
    }

    public boolean aRunning() {
        return aGeneration >= 0;
    }
}
