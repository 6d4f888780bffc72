package dev.wavecraft.devserver.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs an action {@code count} times at a fixed rate from the start, on the calling thread. An
 * action that comes due late runs at once (so the average rate holds), and the worst lateness is
 * reported: this is pacing, not waiting for a condition.
 */
final class Pacer {

    private final int count;
    private final long periodNanos;
    private final long offsetNanos;

    /** @param offset when the first action is due, after the start */
    Pacer(int count, Duration period, Duration offset) {
        this.count = count;
        this.periodNanos = period.toNanos();
        this.offsetNanos = offset.toNanos();
    }

    /** Runs the actions (each given its index) and returns how late the latest of them started. */
    Duration run(IntConsumer action) {
        long start = System.nanoTime();
        long worstLateness = 0;
        for (int i = 0; i < count; i++) {
            long due = start + offsetNanos + i * periodNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("Interrupted after " + i + " of " + count + " actions");
                }
            }
            worstLateness = Math.max(worstLateness, System.nanoTime() - due);
            action.accept(i);
        }
        return Duration.ofNanos(worstLateness);
    }
}
