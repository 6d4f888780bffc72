package dev.wavecraft.devserver.launch;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long the parent has sent nothing, counted only while this JVM ran. A check that comes much
 * later than its period means the process itself stood still (SIGSTOP, a debugger that suspended
 * it, a long GC pause): the parent cannot be blamed for that gap, and the beats it sent meanwhile
 * wait unread in the pipe, so at most {@code longestCountedGap} of it counts.
 */
final class RunningSilence {

    private final LongSupplier nanoClock;
    private final long longestCountedGap;
    private long lastCheck;
    private long silence;
    private long beatsSeen;

    /**
     * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     * @param longestCountedGap the most of one gap between checks that counts as silence
     */
    RunningSilence(LongSupplier nanoClock, Duration longestCountedGap) {
        this.nanoClock = nanoClock;
        this.longestCountedGap = longestCountedGap.toNanos();
        this.lastCheck = nanoClock.getAsLong();
    }

    /**
     * @param beats how many times the parent was heard from so far
     * @return the silence counted so far: zero when {@code beats} grew since the last check
     */
    Duration check(long beats) {
        long now = nanoClock.getAsLong();
        long gap = now - lastCheck;
        lastCheck = now;
        if (beats != beatsSeen) {
            beatsSeen = beats;
            silence = 0;
        } else {
            silence += Math.min(gap, longestCountedGap);
        }
        return Duration.ofNanos(silence);
    }
}
