package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;
import java.lang.invoke.VarHandle;

/**
 * The latest samples of a stereo signal, written block by block on the audio thread into a
 * preallocated ring and read by any thread without locks. The writer publishes how many frames it
 * has written (a volatile count) after the samples; a reader copies the frames it wants below that
 * count and keeps the copy only when the writer cannot have reached them since (the ring holds at
 * least eight blocks more than a reader asks for). The writer never waits and never allocates.
 */
final class SampleHistory {

    /** Returned by {@link #copyLatest} when fewer frames than asked for were written yet. */
    static final long NOT_ENOUGH = -1;
    private static final int READ_ATTEMPTS = 16;

    private final float[][] ring;
    private final int keep;
    private final int capacity;
    private final int blockSize;
    private volatile long writtenAtMs;
    private volatile long written;

    /**
     * @param keep the most frames a reader asks for
     * @param blockSize the most frames written at once
     */
    SampleHistory(int keep, int blockSize) {
        this.keep = keep;
        this.blockSize = blockSize;
        this.capacity = keep + Math.max(8 * blockSize, 4096);
        this.ring = new float[AudioSettings.CHANNELS][capacity];
    }

    /** Audio thread: appends {@code count} frames of {@code block} (its last channel stands in for missing ones). */
    void write(float[][] block, int count, long nowMs) {
        int at = (int) (written % capacity);
        int first = Math.min(count, capacity - at);
        for (int c = 0; c < ring.length; c++) {
            float[] source = block[Math.min(c, block.length - 1)];
            System.arraycopy(source, 0, ring[c], at, first);
            System.arraycopy(source, first, ring[c], 0, count - first);
        }
        writtenAtMs = nowMs;
        written = written + count;
    }

    /** How many frames were written so far; the audio thread's own count, or any thread's lower bound. */
    long written() {
        return written;
    }

    /**
     * Any thread: copies the latest {@code frames} frames of each channel into {@code into}.
     *
     * @return the time the last of them was written, in epoch milliseconds, or {@link #NOT_ENOUGH}
     *     before that many were written (or, rarely, when this reader kept being overtaken)
     */
    long copyLatest(float[][] into, int frames) {
        return copyLatest(into, frames, 0);
    }

    /**
     * Any thread: as {@link #copyLatest(float[][], int)}, but only frames written from frame number
     * {@code since} on count: {@link #NOT_ENOUGH} while fewer than {@code frames} of them were written.
     */
    long copyLatest(float[][] into, int frames, long since) {
        if (frames > keep) {
            throw new IllegalArgumentException("This history keeps " + keep + " frames, not " + frames);
        }
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            long end = written;
            long time = writtenAtMs;
            if (end - since < frames) {
                return NOT_ENOUGH;
            }
            long start = end - frames;
            int at = (int) (start % capacity);
            int first = Math.min(frames, capacity - at);
            for (int c = 0; c < into.length; c++) {
                System.arraycopy(ring[c], at, into[c], 0, first);
                System.arraycopy(ring[c], 0, into[c], first, frames - first);
            }
            VarHandle.loadLoadFence();
            // The writer may be filling the block after what it published: frames up to blockSize beyond.
            if (written + blockSize - capacity <= start) {
                return time;
            }
        }
        return NOT_ENOUGH;
    }
}
