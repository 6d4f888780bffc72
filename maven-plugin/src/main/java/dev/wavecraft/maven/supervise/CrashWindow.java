package dev.wavecraft.maven.supervise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts the server's crashes within a sliding window: a restart is worth it after the odd crash,
 * not when the server dies again as soon as it is up.
 */
public final class CrashWindow {

    private final int limit;
    private final Duration window;
    private final Deque<Instant> crashes = new ArrayDeque<>();

    /** Restarts stop at the {@code limit}-th crash within {@code window}. */
    public CrashWindow(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Records a crash; true when the server may be restarted after it. */
    public boolean recordAndAllowRestart(Instant at) {
        crashes.addLast(at);
        while (crashes.peekFirst().isBefore(at.minus(window))) {
            crashes.removeFirst();
        }
        return crashes.size() < limit;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
