package dev.wavecraft.devserver.audio;

import java.util.concurrent.locks.LockSupport;

/**
 * The time the audio thread paces itself and measures lateness by. Injected so tests can run the
 * engine faster than real time without changing how deadlines are counted.
 */
public interface AudioClock {

    long nanoTime();

    /** Returns at {@code deadline} (or soon after), or early when the thread is interrupted. */
    void sleepUntil(long deadline);

    /** Real time: parks the audio thread until the next block is due. */
    static AudioClock system() {
        return new AudioClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long deadline) {
                long remaining;
                while ((remaining = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
                    LockSupport.parkNanos(remaining);
                }
            }
        };
    }

    /**
     * Real time that jumps forward instead of waiting: every block is produced as soon as the
     * previous one is, but a block that takes longer than its period is still late.
     */
    static AudioClock fastForward() {
        return new FastForwardClock();
    }

    /** Written by the audio thread only; the skipped time is visible to readers on other threads. */
    final class FastForwardClock implements AudioClock {

        private volatile long skipped;

        @Override
        public long nanoTime() {
            return System.nanoTime() + skipped;
        }

        @Override
        public void sleepUntil(long deadline) {
            long remaining = deadline - nanoTime();
            if (remaining > 0) {
                skipped += remaining;
            }
        }
    }
}
