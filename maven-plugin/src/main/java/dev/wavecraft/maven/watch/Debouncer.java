package dev.wavecraft.maven.watch;

import java.time.Duration;

/**
 * Decides when a window of events is over. Times are {@link System#nanoTime()} values passed in,
 * so the rules can be tested without waiting.
 *
 * <p>A window opens at its first event and is due when no event came for the quiet period, or
 * when {@code maxWait} has passed since it opened (a file written continuously still triggers).
 * The base quiet period is short (25 ms by default): one editor save is one burst of events within
 * a few milliseconds, so a single save is built at once. In adaptive mode the quiet period grows
 * while saves keep coming: a new burst within a window (an event at least half the base quiet
 * period after the previous one) doubles it, and a window that opens within {@link
 * #CONTINUED_SAVES} of the last event starts at the longest quiet period, {@link #MAX_GROWTH}
 * times the base, so ten saves in a second give at most two builds. After a pause it is back to
 * the base.
 */
final class Debouncer {

    /** How many times the base quiet period the quiet period may grow to. */
    static final int MAX_GROWTH = 8;
    /** Saves closer together than this are taken as one run of saves, not as separate edits. */
    static final Duration CONTINUED_SAVES = Duration.ofMillis(300);

    private final long baseQuiet;
    private final long maxWait;
    private final boolean adaptive;

    private long quiet;
    private boolean open;
    private boolean anyWindowYet;
    private long firstEvent;
    private long lastEvent;

    Debouncer(Duration quietPeriod, Duration maxWait, boolean adaptive) {
        this.baseQuiet = quietPeriod.toNanos();
        this.maxWait = maxWait.toNanos();
        this.adaptive = adaptive;
        this.quiet = baseQuiet;
    }

    void eventAt(long now) {
        if (!open) {
            boolean savesContinue = anyWindowYet
                    && now - lastEvent <= Math.max(CONTINUED_SAVES.toNanos(), 2 * quiet);
            quiet = adaptive && savesContinue ? longest() : baseQuiet;
            open = true;
            firstEvent = now;
        } else if (adaptive && now - lastEvent >= baseQuiet / 2) {
            quiet = Math.min(quiet * 2, longest());
        }
        lastEvent = now;
    }

    boolean isOpen() {
        return open;
    }

    /** When the open window is due. */
    long deadline() {
        return Math.min(lastEvent + quiet, firstEvent + maxWait);
    }

    boolean isDue(long now) {
        return open && now - deadline() >= 0;
    }

    /** Closes the window after its report. */
    void reported() {
        open = false;
        anyWindowYet = true;
    }

    Duration quietPeriod() {
        return Duration.ofNanos(quiet);
    }

    private long longest() {
        return baseQuiet * MAX_GROWTH;
    }
}
