package dev.wavecraft.devserver.http;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tells the terminal once per Origin that its WebSocket upgrades are refused: a page that keeps
 * reconnecting gives one line, not one a second. Past {@link #MAX_ORIGINS} distinct origins (a
 * local program making them up) it says so once and logs no more of them.
 */
final class OriginRefusalLog {

    static final int MAX_ORIGINS = 100;

    private final Consumer<String> log;
    private final Set<String> logged = new HashSet<>();
    private boolean full;

    OriginRefusalLog(Consumer<String> log) {
        this.log = log;
    }

    void refused(String origin, String line) {
        String toLog;
        synchronized (this) {
            if (logged.contains(origin) || full) {
                return;
            }
            if (logged.size() == MAX_ORIGINS) {
                full = true;
                toLog = "More WebSocket Origins were refused than the " + MAX_ORIGINS
                        + " already named; no more of them are logged";
            } else {
                logged.add(origin);
                toLog = line;
            }
        }
        // Outside the lock: a console slow to take the line holds up no other refusal.
        log.accept(toLog);
    }
}
