package dev.wavecraft.maven.watch;

import java.time.Duration;

/**
 * Decides when a window of events is over. Times are {@link System#nanoTime()} values passed in,
 * so the rules can be tested without waiting.
 *
 * <p>A window opens at its first event and is due when no event came for the quiet period, or
 * when {@code maxWait} has passed since it opened (a file written continuously still triggers).
 * In adaptive mode each new burst of events within a window (an event at least half the base
 * quiet period after the previous one: the several events of one save are one burst) doubles the
 * quiet period, up to four times the base. A report does not reset it while saves keep coming
 * (the next window opens within twice the current quiet period of the last event), so saves at
 * about the quiet period's pace are not reported one by one; after a pause it is back to the base.
 */
final class Debouncer {

    private static final int MAX_GROWTH = 4;

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
            boolean savesContinue = anyWindowYet && now - lastEvent <= 2 * quiet;
            quiet = adaptive && savesContinue ? grown() : baseQuiet;
            open = true;
            firstEvent = now;
        } else if (adaptive && now - lastEvent >= baseQuiet / 2) {
            quiet = grown();
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

    private long grown() {
        return Math.min(quiet * 2, baseQuiet * MAX_GROWTH);
    }
}
