package dev.wavecraft.devserver.audio;

import java.lang.invoke.VarHandle;

/**
 * One writer publishes a preallocated frame of floats, any number of readers copy it, and nobody
 * locks: a sequence number is odd while the writer writes, and a reader keeps its copy only when
 * the sequence was even and unchanged around it (a seqlock, as in {@code StampedLock}'s optimistic
 * reads). The writer never waits and never allocates.
 */
final class FramePublisher {

    private static final int READ_ATTEMPTS = 64;
    private static final long READ_PATIENCE_NANOS = 20_000_000;

    private final float[] data;
    private volatile long sequence;
    private long timestamp;
    private boolean flag;

    FramePublisher(int size) {
        this.data = new float[size];
    }

    /** Writer: starts a new frame and returns the array to fill. */
    float[] beginWrite() {
        sequence = sequence + 1;
        VarHandle.storeStoreFence();
        return data;
    }

    /** Writer: completes the frame begun by {@link #beginWrite}. */
    void endWrite(long timestamp, boolean flag) {
        this.timestamp = timestamp;
        this.flag = flag;
        sequence = sequence + 1;
    }

    /**
     * A consistent copy of the latest frame, or null when none was published yet (or, rarely, when
     * the writer was caught mid-frame for the whole of a few milliseconds: it may be descheduled).
     */
    Frame read() {
        long giveUp = System.nanoTime() + READ_PATIENCE_NANOS;
        for (int attempt = 0; attempt < READ_ATTEMPTS || System.nanoTime() < giveUp; attempt++) {
            long before = sequence;
            if (before == 0) {
                return null;
            }
            if ((before & 1) == 0) {
                float[] copy = data.clone();
                long time = timestamp;
                boolean set = flag;
                VarHandle.loadLoadFence();
                if (sequence == before) {
                    return new Frame(copy, time, set, before >>> 1);
                }
            }
            if (attempt < READ_ATTEMPTS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return null;
    }

    /** The number of frames published so far. */
    long published() {
        return sequence >>> 1;
    }

    /** A copied frame: the values, its time in epoch milliseconds, a flag, and its number. */
    record Frame(float[] values, long timestamp, boolean flag, long number) {
    }
}
