package dev.wavecraft.devserver.control;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Logs refused control connections once per source and minute: a local process that keeps
 * knocking gets one line a minute, saying how many more it tried, not a line each time.
 */
final class RefusalLog {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final LongSupplier nanoTime;
    private final Consumer<String> log;
    private final Map<InetAddress, Minute> minutes = new HashMap<>();

    /** @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime} but in tests) */
    RefusalLog(LongSupplier nanoTime, Consumer<String> log) {
        this.nanoTime = nanoTime;
        this.log = log;
    }

    synchronized void refused(InetAddress source, String line) {
        long now = nanoTime.getAsLong();
        // Sources quiet for two minutes have nothing left to report.
        minutes.values().removeIf(minute -> now - minute.start >= 2 * MINUTE_NANOS);
        Minute current = minutes.get(source);
        if (current != null && now - current.start < MINUTE_NANOS) {
            current.heldBack++;
            return;
        }
        String note = current == null || current.heldBack == 0 ? "" : " (" + current.heldBack
                + " more refused connection" + (current.heldBack == 1 ? "" : "s") + " from " + source.getHostAddress()
                + " in the minute before " + (current.heldBack == 1 ? "was" : "were") + " not logged)";
        minutes.put(source, new Minute(now));
        log.accept(line + note);
    }

    private static final class Minute {

        private final long start;
        private int heldBack;

        Minute(long start) {
            this.start = start;
        }
    }
}
